import { parseStoredCycleSettings, type CycleOrigin, type ManagerReportVisibility } from '@lib/cycles';
import { mayEverRead } from '../access/report-access';
import { isAnonymous } from '../domain';
import type { AnonymitySettings, BehaviourInput, Rating, ReportInput, ResponseInput, TrendSource } from '../domain';
import type { FrameworkShape, RaterVector } from './report-source.repository';

export interface ReportSettings {
  threshold: number;
  showManagerSeparately: boolean;
  /** Whether (and when) the subject's manager reads the report: a manager who does is no anonymous rater. */
  managerVisibility: ManagerReportVisibility;
}

/** The settings a report uses, read from the cycle's JSONB by the one parser of stored settings (parseStoredCycleSettings). */
export function reportSettings(stored: Record<string, unknown>): ReportSettings {
  const settings = parseStoredCycleSettings(stored);
  return {
    threshold: settings.anonymityThreshold,
    showManagerSeparately: settings.showManagerSeparately,
    managerVisibility: settings.reportVisibility.manager,
  };
}

/** Who stands around one subject's report: enough to tell which raters may read it. */
export interface SubjectReaders {
  /** In a cycle the subject started themselves, they alone read the report. */
  origin: CycleOrigin;
  subjectId: string;
  /** The subject's manager frozen at launch. */
  managerId: string | null;
  managerVisibility: ManagerReportVisibility;
}

/** The framework as the pure module reads it: behaviours with their statements, open questions. */
export function frameworkInput(framework: FrameworkShape): Pick<ReportInput, 'behaviours' | 'openQuestions'> {
  const behaviours: BehaviourInput[] = framework.behaviours.map((b) => ({
    key: b.key,
    name: b.name,
    kind: b.kind,
    statements: framework.statements.filter((s) => s.behaviourId === b.id).map((s) => ({ id: s.id, text: s.text })),
  }));
  return { behaviours, openQuestions: framework.openQuestions.map((q) => ({ id: q.id, text: q.text })) };
}

/**
 * One subject's responses for buildReport: each rater vector becomes `answers` keyed by statement
 * id (not observed = null), with that response's own comments keyed by open question id, and
 * `raterMayRead` for a rater who may read this report (an HR admin, or the frozen manager unless
 * the cycle says 'never'; access/report-access.ts decides, as it does for reading), and for an
 * external rater whose address one reader chose alone (that reader may have answered as them).
 */
export function responsesInput(statementIds: readonly string[], vectors: readonly RaterVector[], readers: SubjectReaders): ResponseInput[] {
  return vectors.map((v) => {
    const answers: Record<string, Rating> = {};
    statementIds.forEach((id, i) => (answers[id] = v.ratings[i] as Rating));
    const raterGroup = v.relationship;
    // A rater from outside the organisation has no account: they read nothing, ever. But one whose
    // address a single reader chose (HR inviting, the subject unapproved) may be that reader under
    // another address: treated like a reading rater's answers (never counted toward k).
    const raterMayRead =
      v.readerMayKnow === true || (v.raterId !== null && v.raterRole !== null && mayEverRead({ personId: v.raterId, role: v.raterRole }, readers));
    return Object.keys(v.comments).length ? { raterGroup, answers, comments: v.comments, raterMayRead } : { raterGroup, answers, raterMayRead };
  });
}

/**
 * The people a report counts as anonymous raters (domain/anonymity.ts, rule 1): the raters of
 * `responses` (responsesInput of the same `vectors`, index for index) for whom isAnonymous holds,
 * by the very test buildReport applies. Stored with the snapshot and consulted by every access
 * decision (access/report-access.ts), never served. Sorted, without repeats.
 */
export function anonymousRaterIds(vectors: readonly RaterVector[], responses: readonly ResponseInput[], settings: AnonymitySettings): string[] {
  if (vectors.length !== responses.length) throw new RangeError('one response per rater vector');
  const ids = new Set<string>();
  responses.forEach((response, i) => {
    // External raters are nobody here (no person can ever read as them): only people are stored.
    const raterId = vectors[i].raterId;
    if (raterId !== null && isAnonymous(response, settings)) ids.add(raterId);
  });
  return [...ids].sort();
}

/** A stored summary read back for the trend; anything malformed counts as "no previous report". */
export function trendSource(summary: unknown): TrendSource | undefined {
  if (!summary || typeof summary !== 'object') return undefined;
  const s = summary as Partial<TrendSource>;
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  if (!s.behaviours || typeof s.behaviours !== 'object') return undefined;
  const behaviours: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(s.behaviours)) behaviours[key] = num(value);
  return { influence: num(s.influence), management: num(s.management), behaviours };
}
