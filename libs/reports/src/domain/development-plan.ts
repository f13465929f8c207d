/**
 * Development plans: what the report suggests developing, what a plan holds, the conversation
 * guide a manager gets when a plan is shared with them, and HR's counts of plans.
 *
 * Suggestions only pick from numbers the reader's own report already shows (its summary, its
 * development areas, its blind spots, its shown direction of influence): nothing hidden in the
 * report can surface as a suggestion. The guide holds behaviour names and the subject's own
 * words, never a number: questions to ask, not verdicts; the report's strengths join it only for a
 * manager who may read that report anyway.
 */
import { translator, type Translator } from '@lib/common';
import { suppressHeatmap, type HeatmapView } from './heatmap-suppression';
import type { BehaviourKind, CellsByColumn, ColumnKey, Direction, RankedStatementView } from './report-types';
import { summarizeReport, type SummarySource } from './summarize-report';

export const PLAN_MIN_ITEMS = 1;
export const PLAN_MAX_ITEMS = 3;
export const PLAN_TEXT_MAX = 1000;
/**
 * HR's plan counts of a cycle appear once this many days have passed since release, and count
 * only the plans made by then: the number never changes after anyone has seen it, so two
 * readings over time cannot be subtracted to learn that one person has just made a plan.
 */
export const PLAN_COUNT_WINDOW_DAYS = 28;

export type SuggestionReason =
  { kind: 'development_area' } | { kind: 'blind_spot'; statement: string } | { kind: 'lagging_direction'; directions: Direction[] };

export interface PlanSuggestion {
  behaviourKey: string;
  name: string;
  reasons: SuggestionReason[];
}

export interface SuggestionSource extends SummarySource {
  behaviours: readonly { key: string; name: string; kind: BehaviourKind; cells: CellsByColumn }[];
  developmentAreas: readonly RankedStatementView[];
}

const MAX_SUGGESTIONS = 5;
const COLUMN_OF_DIRECTION: Record<Direction, ColumnKey> = { sideways: 'peer', downwards: 'direct_report', upwards: 'manager' };

/** Candidates to develop, strongest reason first: areas to develop, blind spots, a lagging direction of influence. */
export function planSuggestions(report: SuggestionSource): PlanSuggestion[] {
  const overview = summarizeReport(report);
  const names = new Map(report.behaviours.map((b) => [b.key, b.name]));
  const out = new Map<string, PlanSuggestion>();
  const add = (behaviourKey: string, reason: SuggestionReason): void => {
    const name = names.get(behaviourKey);
    if (name === undefined) return;
    const existing = out.get(behaviourKey);
    if (existing) {
      if (!existing.reasons.some((r) => r.kind === reason.kind)) existing.reasons.push(reason);
    } else out.set(behaviourKey, { behaviourKey, name, reasons: [reason] });
  };
  if (overview.weakest) add(overview.weakest.key, { kind: 'development_area' });
  // The two lowest statements (of the report's bottom five: with a short framework those are nearly all of them).
  for (const s of report.developmentAreas.slice(0, 2)) add(s.behaviourKey, { kind: 'development_area' });
  for (const g of report.blindSpots) add(g.behaviourKey, { kind: 'blind_spot', statement: g.text });
  // The direction where influence lands least, when at least two are shown: its lowest shown influence behaviour.
  if (overview.influence.length >= 2) {
    const lagging = overview.influence[overview.influence.length - 1];
    const column: ColumnKey = lagging.directions.length === 1 ? COLUMN_OF_DIRECTION[lagging.directions[0]] : 'others';
    const lowest = report.behaviours
      .filter((b) => b.kind === 'influence')
      .flatMap((b) => {
        const cell = b.cells[column];
        return cell.shown ? [{ key: b.key, mean: cell.mean }] : [];
      })
      .sort((a, b) => a.mean - b.mean)[0];
    if (lowest) add(lowest.key, { kind: 'lagging_direction', directions: [...lagging.directions] });
  }
  return [...out.values()].slice(0, MAX_SUGGESTIONS);
}

/** The behaviours the report all others rated highest (names only), for the guide. */
export function reportStrengths(report: SummarySource & { strengths: readonly RankedStatementView[] }): string[] {
  const names = new Map(report.behaviours.map((b) => [b.key, b.name]));
  const keys = [summarizeReport(report).strongest?.key, ...report.strengths.map((s) => s.behaviourKey)].filter((k): k is string => !!k && names.has(k));
  return [...new Set(keys)].slice(0, 2).map((k) => names.get(k)!);
}

export interface PlanItem {
  behaviourKey: string;
  name: string;
  /** What the subject will do differently. */
  action: string;
  /** How they will know it is working. */
  evidence: string;
}

export interface GuideSection {
  title: string;
  questions: string[];
}

/**
 * A short debrief guide for the manager: open questions built from the chosen behaviours (and
 * the report's strengths when the manager may read the report), never a verdict or a number; in the
 * reader's language (`t`).
 */
export function conversationGuide(items: readonly PlanItem[], strengths: readonly string[] | null, t: Translator = translator('en')): GuideSection[] {
  // The subject's words are quoted inside a question: without their own full stop, in the reader's quotation marks.
  const quote = (text: string): string => t.t('plan.guide.quote', { text: text.replace(/[\s.!?]+$/u, '') });
  const sections: GuideSection[] = [];
  sections.push({
    title: t.t('plan.guide.open'),
    questions: [
      t.t('plan.guide.stoodOut'),
      ...(strengths && strengths.length ? strengths.map((strength) => t.t('plan.guide.strength', { strength })) : [t.t('plan.guide.strengths')]),
    ],
  });
  for (const item of items) {
    sections.push({
      title: item.name,
      questions: [
        t.t('plan.guide.why', { name: item.name }),
        t.t('plan.guide.action', { action: quote(item.action) }),
        t.t('plan.guide.evidence', { evidence: quote(item.evidence) }),
        t.t('plan.guide.support', { name: item.name }),
      ],
    });
  }
  sections.push({ title: t.t('plan.guide.close'), questions: [t.t('plan.guide.firstStep')] });
  return sections;
}

export interface PlanCountPerson {
  department: number;
  hasReports: boolean;
  hasPlan: boolean;
}

/**
 * HR's counts of plans: departments × {with reports, without}, each cell the people with a
 * released report in the cycle (the reader left out: they know their own plan) and how many of
 * them made a plan, under the heatmap's suppression. The mean of a cell is the share with a plan.
 */
export function planCountTable(people: readonly PlanCountPerson[], departments: number, threshold: number, minCellSize?: number): HeatmapView {
  const cells = Array.from({ length: departments }, () => [
    { sum: 0, count: 0 },
    { sum: 0, count: 0 },
  ]);
  for (const p of people) {
    const cell = cells[p.department][p.hasReports ? 0 : 1];
    cell.sum += p.hasPlan ? 1 : 0;
    cell.count += 1;
  }
  return suppressHeatmap({ cells, threshold, minCellSize });
}

/** When a cycle's plan counts become visible (and stop changing). */
export function planCountsFrom(releasedAt: Date): Date {
  return new Date(releasedAt.getTime() + PLAN_COUNT_WINDOW_DAYS * 24 * 60 * 60 * 1000);
}
