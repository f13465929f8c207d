import type { ColumnKey, HiddenReason, Quadrant, Report, ReportCell, ReportColumn } from '../api/get-report';
import { formatDecimal, msg, tr, type MessageId } from '@/i18n';

/** Column names, as in the PDF and CSV exports, in the active language (read when shown). */
export const COLUMN_LABEL: Readonly<Record<ColumnKey, string>> = {
  get self() {
    return tr('column.self');
  },
  get manager() {
    return tr('group.manager');
  },
  get peer() {
    return tr('group.peers');
  },
  get direct_report() {
    return tr('group.directReports');
  },
  get external() {
    return tr('column.external');
  },
  get others() {
    return tr('group.others');
  },
  get all_others() {
    return tr('column.allOthers');
  },
};

/** One colour per column in the chart; every colour has at least 3:1 contrast on white, and the legend names each. */
export const COLUMN_COLOUR: Record<ColumnKey, string> = {
  self: '#6b4aa0',
  manager: '#b35c00',
  peer: '#1c6fb0',
  direct_report: '#16834c',
  external: '#a8326e',
  others: '#6f7d83',
  all_others: '#0f5866',
};

const GROUP_LABEL: Record<ReportColumn['groups'][number], MessageId> = {
  self: msg('poolGroup.self'),
  manager: msg('poolGroup.manager'),
  peer: msg('poolGroup.peers'),
  direct_report: msg('poolGroup.directReports'),
  external: msg('poolGroup.external'),
  other: msg('poolGroup.other'),
};

const quadrant = (name: MessageId, text: MessageId) => ({
  get name() {
    return tr(name);
  },
  get text() {
    return tr(text);
  },
});

/** The manager–leader profile's four quadrants (FRAMEWORK.md). */
export const QUADRANT: Readonly<Record<Quadrant, { readonly name: string; readonly text: string }>> = {
  manager_leader: quadrant(msg('quadrant.managerLeader'), msg('quadrant.managerLeaderText')),
  leader_without_title: quadrant(msg('quadrant.leaderWithoutTitle'), msg('quadrant.leaderWithoutTitleText')),
  manager: quadrant(msg('quadrant.manager'), msg('quadrant.managerText')),
  emerging: quadrant(msg('quadrant.emerging'), msg('quadrant.emergingText')),
};

/** Where a 1–5 value sits along a bar or track, as a CSS percentage: 1 at the start, 5 at the end. */
export const onScale = (mean: number): string => `${Math.max(0, Math.min(100, ((mean - 1) / 4) * 100))}%`;

/** Means and spreads: always two decimals, in the active language ("3.40", "3,40"). */
export const fixed = (value: number): string => formatDecimal(value, 2);

/** A difference with its sign: "+0.40", "−1.25" (a true minus sign), "0.00" (decimal comma in German). */
export function signed(value: number): string {
  const rounded = Number(value.toFixed(2));
  if (rounded === 0) return formatDecimal(0, 2);
  return `${rounded > 0 ? '+' : '−'}${formatDecimal(Math.abs(rounded), 2)}`;
}

/**
 * Why a number is hidden, in plain words — never with a count, which could help someone guess
 * who answered. `k` is the cycle's anonymity threshold.
 */
export function hiddenReason(reason: HiddenReason | undefined, k: number, notObservedLabel = tr('report.notObserved')): string {
  switch (reason) {
    case 'no_responses':
      return tr('hidden.notRated');
    case 'not_observed':
      return notObservedLabel;
    case 'pooled':
      return tr('hidden.pooled');
    case 'complementary':
      return tr('hidden.complementary');
    case 'below_threshold':
    default:
      return tr('hidden.belowThreshold', { k });
  }
}

/** A shown cell's numbers, or null when hidden: the API leaves mean, n and spread out of a hidden cell. */
export function shownNumbers(cell: ReportCell): { mean: number; n: number; spread: number } | null {
  if (!cell.shown || cell.mean === undefined) return null;
  return { mean: cell.mean, n: cell.n ?? 0, spread: cell.spread ?? 0 };
}

/** The columns worth a place on the page: every column somebody answered in (as the exports do). */
export const visibleColumns = (report: Pick<Report, 'columns'>): ReportColumn[] => report.columns.filter((c) => c.shown || c.reason !== 'no_responses');

/** The groups "others" pools when it holds more than the other colleagues: then it is named after them ("Peers and direct reports"). */
export function poolGroups(columns: readonly ReportColumn[]): ReportColumn['groups'] | null {
  const groups = columns.find((c) => c.key === 'others')?.groups ?? [];
  return groups.some((g) => g !== 'other') ? groups : null;
}

/** A column's name in this report, as in the exports: the pool is named after its groups. */
export function columnLabel(column: Pick<ReportColumn, 'key' | 'groups'>): string {
  if (column.key !== 'others' || !poolGroups([column as ReportColumn])) return COLUMN_LABEL[column.key];
  const words = column.groups.map((g) => tr(GROUP_LABEL[g]));
  const name = listed(words);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "Others" says which groups it pools (unless its name already does); other columns are their own group. */
export function columnNote(column: ReportColumn): string | null {
  if (column.key === 'others' && column.groups.length > 0 && columnLabel(column) === COLUMN_LABEL.others)
    return tr('column.pools', { groups: column.groups.map((g) => tr(GROUP_LABEL[g])).join(` ${tr('list.andWord')} `) });
  if (column.key === 'all_others') return tr('column.allOthersNote');
  return null;
}

/** Whoever reads: one's own report speaks to "you", a manager's or HR's copy names the person by first name. */
export interface Reader {
  /** The reader is the person reviewed (an HR admin reading their own report too). */
  self: boolean;
  /** The subject's first name. */
  name: string;
  /** The values every message about the reader takes: `{who, select, self {…} other {…{name}…}}`. */
  values: { who: 'self' | 'other'; name: string };
}

export function readerWords(report: Pick<Report, 'viewer' | 'subject'>, readerId: string): Reader {
  const self = report.viewer === 'subject' || report.subject.id === readerId;
  const name = report.subject.name.trim().split(/\s+/)[0] ?? report.subject.name;
  return { self, name, values: { who: self ? 'self' : 'other', name } };
}

/** "a", "a and b", "a, b and c" in the active language. */
export const listed = (words: readonly string[]): string =>
  words.length < 2 ? (words[0] ?? '') : tr('list.and', { first: words.slice(0, -1).join(', '), last: words[words.length - 1] ?? '' });

export type Direction = 'sideways' | 'downwards' | 'upwards';

const DIRECTION_NAME: Record<Direction, MessageId> = {
  sideways: msg('reports.direction.sideways'),
  downwards: msg('reports.direction.downwards'),
  upwards: msg('reports.direction.upwards'),
};

/** Directions named together: "Sideways and downwards". */
export const directionsName = (directions: readonly Direction[]): string =>
  listed(directions.map((d, i) => (i === 0 ? tr(DIRECTION_NAME[d]) : tr(DIRECTION_NAME[d]).toLowerCase())));
