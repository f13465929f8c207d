import type { FrameworkDetail } from '../api/get-framework';
import type { FrameworkContent } from '../api/update-framework';

export type BehaviourKindValue = FrameworkContent['behaviours'][number]['kind'];

/** Limits the API enforces (libs/frameworks FRAMEWORK_LIMITS): the form disables what would exceed them. */
export const LIMITS = { behaviours: 20, statementsPerBehaviour: 5, statements: 40, openQuestions: 5 } as const;

let next = 0;
const uid = (): string => `new-${++next}`;

export interface StatementDraft {
  uid: string;
  /** Kept when editing an existing statement: answers and trends join on it across versions. */
  key?: string;
  text: string;
  /** The German text; empty: German readers see the English. */
  de: string;
}

export interface BehaviourDraft {
  uid: string;
  key: string;
  isNew: boolean;
  name: string;
  description: string;
  kind: BehaviourKindValue;
  statements: StatementDraft[];
  deName: string;
  deDescription: string;
}

export interface OpenQuestionDraft {
  uid: string;
  key?: string;
  text: string;
  hint: string;
  deText: string;
  deHint: string;
}

export interface FrameworkDraft {
  name: string;
  description: string;
  behaviours: BehaviourDraft[];
  openQuestions: OpenQuestionDraft[];
}

export function draftOf(framework: FrameworkDetail): FrameworkDraft {
  const v = framework.latestVersion;
  return {
    name: framework.name,
    description: framework.description,
    behaviours: v.behaviours.map((b) => ({
      uid: b.id,
      key: b.key,
      isNew: false,
      name: b.name,
      description: b.description,
      kind: b.kind,
      statements: b.statements.map((s) => ({ uid: s.id, key: s.key, text: s.text, de: s.translations.de?.text ?? '' })),
      deName: b.translations.de?.name ?? '',
      deDescription: b.translations.de?.description ?? '',
    })),
    openQuestions: v.openQuestions.map((q) => ({
      uid: q.id,
      key: q.key,
      text: q.text,
      hint: q.hint ?? '',
      deText: q.translations.de?.text ?? '',
      deHint: q.translations.de?.hint ?? '',
    })),
  };
}

export const newStatement = (): StatementDraft => ({ uid: uid(), text: '', de: '' });
export const newOpenQuestion = (): OpenQuestionDraft => ({ uid: uid(), text: '', hint: '', deText: '', deHint: '' });
export const newBehaviour = (): BehaviourDraft => ({
  uid: uid(),
  key: '',
  isNew: true,
  name: '',
  description: '',
  kind: 'influence',
  statements: [newStatement()],
  deName: '',
  deDescription: '',
});

/** A behaviour key from its name: lower-case letters, digits and underscores, unique in the framework. */
function behaviourKey(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^[^a-z]+|_+$/g, '')
      .slice(0, 34) || 'behaviour';
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  taken.add(key);
  return key;
}

/**
 * The draft as the API takes it. Existing statements keep their keys; new ones get the next free
 * `<behaviour>.<n>` (never one used by this or the previous version, so a new statement is never
 * mistaken for a removed one in trends). New open questions likewise get the next `open_<n>`.
 * German is sent only where it was written; the rest reads the English.
 */
export function contentOf(draft: FrameworkDraft, original: FrameworkDetail): FrameworkContent {
  const previous = original.latestVersion;
  const usedKeys = new Set<string>([
    ...previous.behaviours.flatMap((b) => b.statements.map((s) => s.key)),
    ...previous.openQuestions.map((q) => q.key),
    ...draft.behaviours.flatMap((b) => b.statements.map((s) => s.key).filter((k): k is string => Boolean(k))),
    ...draft.openQuestions.map((q) => q.key).filter((k): k is string => Boolean(k)),
  ]);
  const freshKey = (prefix: string, separator: string): string => {
    let n = 1;
    while (usedKeys.has(`${prefix}${separator}${n}`)) n++;
    const key = `${prefix}${separator}${n}`;
    usedKeys.add(key);
    return key;
  };
  const takenBehaviours = new Set([...previous.behaviours.map((b) => b.key), ...draft.behaviours.filter((b) => !b.isNew).map((b) => b.key)]);
  return {
    name: draft.name.trim(),
    description: draft.description.trim(),
    behaviours: draft.behaviours.map((b) => {
      const key = b.isNew ? behaviourKey(b.name, takenBehaviours) : b.key;
      return {
        key,
        name: b.name.trim(),
        description: b.description.trim(),
        kind: b.kind,
        statements: b.statements.map((s) => ({
          key: s.key ?? freshKey(key, '.'),
          text: s.text.trim(),
          translations: s.de.trim() ? { de: { text: s.de.trim() } } : {},
        })),
        translations: b.deName.trim() ? { de: { name: b.deName.trim(), description: b.deDescription.trim() } } : {},
      };
    }),
    openQuestions: draft.openQuestions.map((q) => ({
      key: q.key ?? freshKey('open', '_'),
      text: q.text.trim(),
      hint: q.hint.trim() || null,
      translations: q.deText.trim() ? { de: { text: q.deText.trim(), hint: q.deHint.trim() || null } } : {},
    })),
  };
}
