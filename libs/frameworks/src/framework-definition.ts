import { LANGUAGES, type FieldError, type Language } from '@lib/common';
import { DEFAULT_FRAMEWORK_DE } from './default-framework.de';
import { BEHAVIOUR_KINDS, BehaviourKind, FrameworkDefinition } from './default-framework.data';

/** Limits that keep a questionnaire answerable (FRAMEWORK.md: past ~35 statements raters tire). */
export const FRAMEWORK_LIMITS = {
  name: 200,
  description: 2000,
  behaviours: 20,
  behaviourName: 100,
  behaviourDescription: 500,
  statementsPerBehaviour: 5,
  statements: 40,
  statementText: 300,
  openQuestions: 5,
  questionText: 300,
  hint: 300,
  key: 60,
} as const;

/** The languages a framework's text may be translated into: every language but English, the source. */
const TRANSLATED_LANGUAGES: readonly Language[] = LANGUAGES.filter((language) => language !== 'en');

export const BEHAVIOUR_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const QUESTION_KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)?$/;

export interface StatementInput {
  key?: string;
  text: string;
  translations?: QuestionTranslations | null;
}

export interface BehaviourInput {
  key: string;
  name: string;
  description?: string;
  kind: string;
  statements: StatementInput[];
  translations?: BehaviourTranslations | null;
}

export interface OpenQuestionInput {
  key?: string;
  text: string;
  hint?: string | null;
  translations?: QuestionTranslations | null;
}

export interface FrameworkInput {
  name: string;
  description?: string;
  behaviours: BehaviourInput[];
  openQuestions?: OpenQuestionInput[];
}

/** Translations of a behaviour, by language other than English. */
export type BehaviourTranslations = Partial<Record<Language, { name: string; description: string }>>;
/** Translations of a statement or an open question, by language other than English. */
export type QuestionTranslations = Partial<Record<Language, { text: string; hint?: string | null }>>;

/** A framework's content with every key set: what the repository writes. */
export interface FrameworkContent {
  name: string;
  description: string;
  behaviours: {
    key: string;
    name: string;
    description: string;
    kind: BehaviourKind;
    statements: { key: string; text: string; translations?: QuestionTranslations }[];
    translations?: BehaviourTranslations;
  }[];
  openQuestions: { key: string; text: string; hint: string | null; translations?: QuestionTranslations }[];
}

/** The German of the default framework, attached to its content by key (default-framework.de.ts). */
export function withGerman(content: FrameworkContent): FrameworkContent {
  const de = DEFAULT_FRAMEWORK_DE;
  const behaviour = (key: string) => (de.behaviours as Record<string, { name: string; description: string } | undefined>)[key];
  const statement = (key: string) => (de.statements as Record<string, string | undefined>)[key];
  const open = (key: string) => (de.openQuestions as Record<string, { text: string; hint: string } | undefined>)[key];
  return {
    ...content,
    behaviours: content.behaviours.map((b) => ({
      ...b,
      translations: behaviour(b.key) ? { de: behaviour(b.key)! } : {},
      statements: b.statements.map((s) => ({ ...s, translations: statement(s.key) ? { de: { text: statement(s.key)! } } : {} })),
    })),
    openQuestions: content.openQuestions.map((q) => ({ ...q, translations: open(q.key) ? { de: open(q.key)! } : {} })),
  };
}

export type FrameworkContentResult = { ok: true; content: FrameworkContent } | { ok: false; errors: FieldError[] };

/**
 * Checks a framework definition as a whole and fills in missing keys: a statement's key defaults
 * to `<behaviour key>.<n>` and an open question's to `open_<n>`, the convention the default
 * framework uses. Keys are what answers and trends join on across versions, so an editor that
 * keeps a statement keeps its key. Every problem is reported at once, by field path.
 */
export function validateFrameworkContent(input: FrameworkInput): FrameworkContentResult {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string): void => void errors.push({ field, message });
  const text = (field: string, value: unknown, max: number, required: boolean): string => {
    const trimmed = typeof value === 'string' ? value.trim() : '';
    if (value !== undefined && value !== null && typeof value !== 'string') fail(field, `${field} must be text`);
    else if (required && !trimmed) fail(field, `${field} is required`);
    else if (trimmed.length > max) fail(field, `${field} must be at most ${max} characters`);
    return trimmed;
  };
  // A translation is kept only with its main text (a behaviour's name, a question's text); a
  // language left empty falls back to the English text, so an editor may clear it.
  const translated = <T>(raw: unknown, main: string, make: (entry: Record<string, unknown>, language: string) => T | null): Partial<Record<Language, T>> => {
    const out: Partial<Record<Language, T>> = {};
    if (!raw || typeof raw !== 'object') return out;
    for (const [language, entry] of Object.entries(raw as Record<string, unknown>)) {
      if (!TRANSLATED_LANGUAGES.includes(language as Language) || !entry || typeof entry !== 'object') continue;
      const value = make(entry as Record<string, unknown>, language);
      if (value && (value as Record<string, unknown>)[main]) out[language as Language] = value;
    }
    return out;
  };

  const name = text('name', input.name, FRAMEWORK_LIMITS.name, true);
  const description = text('description', input.description, FRAMEWORK_LIMITS.description, false);
  const behavioursIn = Array.isArray(input.behaviours) ? input.behaviours : [];
  const openIn = Array.isArray(input.openQuestions) ? input.openQuestions : [];
  if (behavioursIn.length < 1 || behavioursIn.length > FRAMEWORK_LIMITS.behaviours) {
    fail('behaviours', `A framework needs from 1 to ${FRAMEWORK_LIMITS.behaviours} behaviours`);
  }
  if (openIn.length > FRAMEWORK_LIMITS.openQuestions) fail('openQuestions', `A framework may have at most ${FRAMEWORK_LIMITS.openQuestions} open questions`);

  const behaviourKeys = new Set<string>();
  const questionKeys = new Set<string>();
  const questionKey = (field: string, given: string | undefined, fallback: string): string => {
    const key = given === undefined || given === null || given === '' ? fallback : String(given).trim();
    if (key.length > FRAMEWORK_LIMITS.key || !QUESTION_KEY_PATTERN.test(key)) {
      fail(field, `${field} must be lower-case letters, digits and underscores, optionally "<behaviour>.<n>", at most ${FRAMEWORK_LIMITS.key} characters`);
    } else if (questionKeys.has(key)) fail(field, `The key "${key}" is used twice`);
    questionKeys.add(key);
    return key;
  };

  let statementCount = 0;
  const behaviours = behavioursIn.map((b, i) => {
    const at = `behaviours.${i}`;
    const key = typeof b?.key === 'string' ? b.key.trim() : '';
    if (!BEHAVIOUR_KEY_PATTERN.test(key)) fail(`${at}.key`, `${at}.key must be lower-case letters, digits and underscores (at most 40)`);
    else if (behaviourKeys.has(key)) fail(`${at}.key`, `The behaviour key "${key}" is used twice`);
    behaviourKeys.add(key);
    if (!BEHAVIOUR_KINDS.includes(b?.kind as BehaviourKind)) fail(`${at}.kind`, `${at}.kind must be one of ${BEHAVIOUR_KINDS.join(', ')}`);
    const statementsIn = Array.isArray(b?.statements) ? b.statements : [];
    if (statementsIn.length < 1 || statementsIn.length > FRAMEWORK_LIMITS.statementsPerBehaviour) {
      fail(`${at}.statements`, `Each behaviour needs from 1 to ${FRAMEWORK_LIMITS.statementsPerBehaviour} statements`);
    }
    statementCount += statementsIn.length;
    return {
      key,
      name: text(`${at}.name`, b?.name, FRAMEWORK_LIMITS.behaviourName, true),
      description: text(`${at}.description`, b?.description, FRAMEWORK_LIMITS.behaviourDescription, false),
      kind: b?.kind as BehaviourKind,
      statements: statementsIn.map((s, j) => ({
        key: questionKey(`${at}.statements.${j}.key`, s?.key, `${key}.${j + 1}`),
        text: text(`${at}.statements.${j}.text`, s?.text, FRAMEWORK_LIMITS.statementText, true),
        translations: translated(s?.translations, 'text', (t, language) => ({
          text: text(`${at}.statements.${j}.translations.${language}.text`, t.text, FRAMEWORK_LIMITS.statementText, false),
        })),
      })),
      translations: translated(b?.translations, 'name', (t, language) => ({
        name: text(`${at}.translations.${language}.name`, t.name, FRAMEWORK_LIMITS.behaviourName, false),
        description: text(`${at}.translations.${language}.description`, t.description, FRAMEWORK_LIMITS.behaviourDescription, false),
      })),
    };
  });
  if (statementCount > FRAMEWORK_LIMITS.statements) {
    fail('behaviours', `A framework may have at most ${FRAMEWORK_LIMITS.statements} statements in all (this one has ${statementCount})`);
  }
  const openQuestions = openIn.map((q, i) => ({
    key: questionKey(`openQuestions.${i}.key`, q?.key, `open_${i + 1}`),
    text: text(`openQuestions.${i}.text`, q?.text, FRAMEWORK_LIMITS.questionText, true),
    hint: text(`openQuestions.${i}.hint`, q?.hint, FRAMEWORK_LIMITS.hint, false) || null,
    translations: translated(q?.translations, 'text', (t, language) => ({
      text: text(`openQuestions.${i}.translations.${language}.text`, t.text, FRAMEWORK_LIMITS.questionText, false),
      hint: text(`openQuestions.${i}.translations.${language}.hint`, t.hint, FRAMEWORK_LIMITS.hint, false) || null,
    })),
  }));
  return errors.length ? { ok: false, errors } : { ok: true, content: { name, description, behaviours, openQuestions } };
}

/** The default framework as content to insert. */
export function contentOf(definition: FrameworkDefinition): FrameworkContent {
  return {
    name: definition.name,
    description: definition.description,
    behaviours: definition.behaviours.map((b) => ({
      key: b.key,
      name: b.name,
      description: b.description,
      kind: b.kind,
      statements: b.statements.map((s) => ({ key: s.key, text: s.text })),
    })),
    openQuestions: definition.openQuestions.map((q) => ({ key: q.key, text: q.text, hint: q.hint })),
  };
}
