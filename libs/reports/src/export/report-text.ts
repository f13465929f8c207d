import type { ColumnKey, HiddenReason, ProfileQuadrant, RaterGroup } from '../domain';
import type { ReportDto } from '../report/report.dto';

/** Words shared by the CSV and the PDF, so both exports name things the same way. */
export const COLUMN_LABELS: Record<ColumnKey, string> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peers',
  direct_report: 'Direct reports',
  external: 'External',
  others: 'Others',
  all_others: 'All others',
};

const GROUP_WORDS: Record<RaterGroup, { plural: string; possessive: string }> = {
  self: { plural: 'self', possessive: 'own' },
  manager: { plural: 'manager', possessive: "manager's" },
  peer: { plural: 'peers', possessive: "peers'" },
  direct_report: { plural: 'direct reports', possessive: "direct reports'" },
  external: { plural: 'external raters', possessive: "external raters'" },
  other: { plural: 'other colleagues', possessive: "other colleagues'" },
};

/** "a", "a and b", "a, b and c". */
const listed = (words: string[]): string => (words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/** The groups `others` pools when it holds more than the "other" colleagues: only then it is named after them. */
function poolGroups(report: Pick<ReportDto, 'columns'>): RaterGroup[] | null {
  const groups = report.columns.find((c) => c.key === 'others')?.groups ?? [];
  return groups.some((g) => g !== 'other') ? groups : null;
}

/** The columns' names in this report: the pool is named after its groups ("Peers and direct reports"), in every format. */
export function columnLabels(report: Pick<ReportDto, 'columns'>): Record<ColumnKey, string> {
  const groups = poolGroups(report);
  if (!groups) return COLUMN_LABELS;
  const name = listed(groups.map((g) => GROUP_WORDS[g].plural));
  return { ...COLUMN_LABELS, others: name[0].toUpperCase() + name.slice(1) };
}

/**
 * One sentence for the reader: which groups are shown together and why, or null when no group
 * is. Never a count of a hidden group: only the pool's own respondents, which it shows anyway.
 * `whose`: "Your" for the subject, else "Priya's".
 */
export function poolingSentence(report: Pick<ReportDto, 'columns' | 'threshold'>, whose: string): string | null {
  const groups = poolGroups(report);
  const pool = report.columns.find((c) => c.key === 'others');
  if (!groups || !pool?.shown) return null;
  return (
    `${whose} ${listed(groups.map((g) => GROUP_WORDS[g].possessive))} answers are shown together as one group (${pool.respondents} people), ` +
    `because a group with fewer than ${report.threshold} anonymous answers is never shown on its own.`
  );
}

export const QUADRANT_LABELS: Record<ProfileQuadrant, string> = {
  manager_leader: 'Manager-leader',
  leader_without_title: 'Leader without a title',
  manager: 'Manager',
  emerging: 'Emerging',
};

/** Why a number is hidden, in words, never with a count that could help guess who answered. */
export function hiddenText(reason: HiddenReason | undefined, k: number): string {
  switch (reason) {
    case 'no_responses':
      return 'hidden: no responses';
    case 'not_observed':
      return 'not observed';
    case 'pooled':
      return 'hidden: shown only together with other groups';
    case 'complementary':
      return `hidden: would reveal a group of fewer than ${k} responses`;
    case 'below_threshold':
    default:
      return `hidden: fewer than ${k} anonymous responses`;
  }
}

export const fixed = (value: number | undefined, digits = 2): string => (value === undefined ? '' : value.toFixed(digits));

/** The columns worth printing: every column somebody answered in (an empty group says nothing). */
export function printedColumns(report: Pick<ReportDto, 'columns'>): ColumnKey[] {
  return report.columns.filter((c) => c.shown || c.reason !== 'no_responses').map((c) => c.key);
}

// Latin letters that Unicode does not decompose into a base letter and an accent.
const UNDECOMPOSED: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ø: 'o',
  Ø: 'O',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
};

/** A file name from free text: ASCII letters, digits and dashes ("Łukasz Żółć" gives lukasz-zolc). */
export function fileSlug(...parts: string[]): string {
  return (
    parts
      .join('-')
      .replace(/[łŁđĐøØßæÆœŒþÞı]/g, (ch) => UNDECOMPOSED[ch])
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/[\s_]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase()
      .slice(0, 80) || 'report'
  );
}

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** A date as the web app shows it ("15 Apr 2026"), on UTC: the exports have no reader's clock. */
export const formatDate = (iso: string): string => DATE.format(new Date(iso));

const signed = (value: number): string => {
  const rounded = Number(value.toFixed(2));
  return rounded === 0 ? '0.00' : `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)}`;
};

const DIRECTION_WORDS = { sideways: 'peers (sideways)', downwards: 'direct reports (downwards)', upwards: 'the manager (upwards)' } as const;

/** Pooled directions are named together: "peers (sideways) and direct reports (downwards), together". */
const directionWords = (directions: readonly (keyof typeof DIRECTION_WORDS)[]): string =>
  directions.length === 1 ? DIRECTION_WORDS[directions[0]] : `${directions.map((d) => DIRECTION_WORDS[d]).join(' and ')}, together`;

/**
 * The summary the report opens with, in words: one line per part of `report.overview`, in the
 * web page's order. Every number is one the report shows in its details.
 */
export function overviewLines(report: Pick<ReportDto, 'overview' | 'threshold' | 'trend'>): { title: string; text: string }[] {
  const o = report.overview;
  const k = report.threshold;
  const change = o.change;
  const top = o.influence[0];
  return [
    {
      title: 'Profile',
      text:
        o.profile.shown && o.profile.quadrant
          ? `${QUADRANT_LABELS[o.profile.quadrant]}: influence ${fixed(o.profile.influence)}, management ${fixed(o.profile.management)} (all others)`
          : `Not shown (${hiddenText(o.profile.reason, k)})`,
    },
    { title: 'Strongest behaviour', text: o.strongest ? `${o.strongest.name}, ${fixed(o.strongest.mean)} from all others` : 'None shown' },
    {
      title: 'Weakest behaviour',
      text: o.weakest ? `${o.weakest.name}, ${fixed(o.weakest.mean)} from all others` : 'Not enough shown behaviours to tell apart',
    },
    {
      title: 'Largest blind spot',
      text: o.largestBlindSpot
        ? `${o.largestBlindSpot.text} (self ${fixed(o.largestBlindSpot.self)}, all others ${fixed(o.largestBlindSpot.others)}, gap ${signed(o.largestBlindSpot.gap)})`
        : 'None: no self rating a point or more above all others',
    },
    {
      title: 'Direction of influence',
      text: top
        ? `Most leadership seen by ${directionWords(top.directions)}: ${o.influence.map((d) => `${d.directions.join(' and ')} ${fixed(d.mean)}`).join(', ')}`
        : 'No group large enough to be shown on its own',
    },
    {
      title: 'Since last time',
      text: change
        ? [
            `Against ${report.trend?.previousCycle?.name ?? 'the earlier cycle'}: influence ${change.influence.shown ? signed(change.influence.delta!) : 'not comparable'}, management ${change.management.shown ? signed(change.management.delta!) : 'not comparable'}`,
            change.largestRise && `most up: ${change.largestRise.name} ${signed(change.largestRise.delta)}`,
            change.largestFall && `most down: ${change.largestFall.name} ${signed(change.largestFall.delta)}`,
          ]
            .filter(Boolean)
            .join('; ')
        : 'No earlier cycle on this framework to compare with',
    },
  ];
}

/**
 * The columns a table prints, and why the others are left out: a column hidden in every row for
 * one reason is said once ("Direct reports: … throughout") instead of in every cell, under the
 * report's own column names (`columnLabels`: a pool reads "Peers and direct reports").
 */
export function compactColumns(
  columns: readonly ColumnKey[],
  rows: readonly Record<ColumnKey, { shown: boolean; reason?: HiddenReason }>[],
  k: number,
  labels: Readonly<Record<ColumnKey, string>>,
): { columns: ColumnKey[]; notes: string[] } {
  const kept: ColumnKey[] = [];
  const notes: string[] = [];
  for (const c of columns) {
    const reasons = new Set(rows.map((r) => (r[c].shown ? 'shown' : (r[c].reason ?? 'below_threshold'))));
    const [only] = [...reasons];
    if (rows.length > 0 && reasons.size === 1 && only !== 'shown') notes.push(`${labels[c]}: ${hiddenText(only, k)} throughout`);
    else kept.push(c);
  }
  return { columns: kept, notes };
}
