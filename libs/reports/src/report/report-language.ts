import type { ReportDto } from './report.dto';

/** A framework version's words in one language: statement and open-question texts by question id, behaviours by key. */
export interface FrameworkWords {
  questions: ReadonlyMap<string, string>;
  behaviours: ReadonlyMap<string, { name: string; description: string | null }>;
}

/**
 * The report with the framework's words in the reader's language. Only words change: every number,
 * every hidden cell and every comment stays as computed, since answers are keyed by question id and
 * the snapshot never depended on the language anyone read. A word without a translation stays as written.
 */
export function reportIn<T extends Partial<ReportDto>>(report: T, words: FrameworkWords): T {
  const text = (id: string, fallback: string): string => words.questions.get(id) ?? fallback;
  const name = (key: string, fallback: string): string => words.behaviours.get(key)?.name ?? fallback;
  const o = report.overview;
  return {
    ...report,
    behaviours: report.behaviours?.map((b) => ({
      ...b,
      name: name(b.key, b.name),
      description: words.behaviours.get(b.key)?.description ?? b.description,
      statements: b.statements.map((s) => ({ ...s, text: text(s.id, s.text) })),
    })),
    strengths: report.strengths?.map((s) => ({ ...s, text: text(s.statementId, s.text) })),
    developmentAreas: report.developmentAreas?.map((s) => ({ ...s, text: text(s.statementId, s.text) })),
    blindSpots: report.blindSpots?.map((g) => ({ ...g, text: text(g.statementId, g.text) })),
    hiddenStrengths: report.hiddenStrengths?.map((g) => ({ ...g, text: text(g.statementId, g.text) })),
    comments: report.comments?.map((c) => ({ ...c, text: text(c.questionId, c.text) })),
    overview: o && {
      ...o,
      strongest: o.strongest && { ...o.strongest, name: name(o.strongest.key, o.strongest.name) },
      weakest: o.weakest && { ...o.weakest, name: name(o.weakest.key, o.weakest.name) },
      largestBlindSpot: o.largestBlindSpot && { ...o.largestBlindSpot, text: text(o.largestBlindSpot.statementId, o.largestBlindSpot.text) },
      change: o.change && {
        ...o.change,
        largestRise: o.change.largestRise && { ...o.change.largestRise, name: name(o.change.largestRise.key, o.change.largestRise.name) },
        largestFall: o.change.largestFall && { ...o.change.largestFall, name: name(o.change.largestFall.key, o.change.largestFall.name) },
      },
    },
  };
}
