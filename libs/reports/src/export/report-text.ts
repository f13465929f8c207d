import { translator, type Translator } from '@lib/common';
import type { ColumnKey, HiddenReason, ProfileQuadrant, RaterGroup } from '../domain';
import type { ReportDto } from '../report/report.dto';

const ENGLISH = translator('en');

/** Words shared by the CSV and the PDF, so both exports name things the same way, in the reader's language. */
function columnLabelsIn(t: Translator): Record<ColumnKey, string> {
  const label = (key: ColumnKey): string => t.t(`report.column.${key}`);
  return {
    self: label('self'),
    manager: label('manager'),
    peer: label('peer'),
    direct_report: label('direct_report'),
    external: label('external'),
    others: label('others'),
    all_others: label('all_others'),
  };
}

/** The groups `others` pools when it holds more than the "other" colleagues: only then it is named after them. */
function poolGroups(report: Pick<ReportDto, 'columns'>): RaterGroup[] | null {
  const groups = report.columns.find((c) => c.key === 'others')?.groups ?? [];
  return groups.some((g) => g !== 'other') ? groups : null;
}

/** The columns' names in this report: the pool is named after its groups ("Peers and direct reports"), in every format. */
export function columnLabels(report: Pick<ReportDto, 'columns'>, t: Translator = ENGLISH): Record<ColumnKey, string> {
  const labels = columnLabelsIn(t);
  const groups = poolGroups(report);
  if (!groups) return labels;
  const name = t.list(groups.map((g) => t.t(`report.group.${g}`)));
  return { ...labels, others: name[0].toUpperCase() + name.slice(1) };
}

/**
 * One sentence for the reader: which groups are shown together and why, or null when no group
 * is. Never a count of a hidden group: only the pool's own respondents, which it shows anyway.
 * `whose`: "Your" for the subject, else "Priya's" (whoseReport).
 */
export function poolingSentence(report: Pick<ReportDto, 'columns' | 'threshold'>, whose: string, t: Translator = ENGLISH): string | null {
  const groups = poolGroups(report);
  const pool = report.columns.find((c) => c.key === 'others');
  if (!groups || !pool?.shown) return null;
  return t.t('report.pooling', {
    whose,
    groups: t.list(groups.map((g) => t.t(`report.poolGroup.${g}`))),
    respondents: pool.respondents ?? 0,
    k: report.threshold,
  });
}

/** Whose report, as the pooling sentence names it: "Your" for the subject, else the first name's possessive ("Priya's", "James'"). */
export function whoseReport(report: Pick<ReportDto, 'viewer' | 'subject'>, t: Translator = ENGLISH): string {
  if (report.viewer === 'subject') return t.t('report.whose.subject');
  const firstName = report.subject.name.trim().split(/\s+/)[0] || report.subject.name;
  return t.t(firstName.endsWith('s') ? 'report.whose.otherS' : 'report.whose.other', { firstName });
}

/**
 * The followership line, as the report page says it under the summary: how many colleagues outside
 * the reporting line named the person (only as the report shows it: at least k, never who), or
 * that it is shown only from k on. Null when there is nothing to say (a report from before the
 * question, or one whose reader named the person themselves).
 */
export function followershipSentence(report: Pick<ReportDto, 'viewer' | 'subject' | 'followership' | 'threshold'>, t: Translator = ENGLISH): string | null {
  const { followership } = report;
  const who = report.viewer === 'subject' ? 'subject' : 'other';
  const firstName = report.subject.name.trim().split(/\s+/)[0] || report.subject.name;
  if (followership.shown && followership.named !== undefined) return t.t('report.followership.named', { who, firstName, count: followership.named });
  if (followership.reason === 'fewer_than_threshold') return t.t('report.followership.tooFew', { who, firstName, k: report.threshold });
  return null;
}

export const quadrantLabel = (quadrant: ProfileQuadrant, t: Translator = ENGLISH): string => t.t(`report.quadrant.${quadrant}`);

/** Why a number is hidden, in words, never with a count that could help guess who answered. */
export function hiddenText(reason: HiddenReason | undefined, k: number, t: Translator = ENGLISH): string {
  switch (reason) {
    case 'no_responses':
    case 'not_observed':
    case 'pooled':
    case 'complementary':
      return t.t(`report.hidden.${reason}`, { k });
    case 'below_threshold':
    default:
      return t.t('report.hidden.below_threshold', { k });
  }
}

export const fixed = (value: number | undefined, digits = 2): string => (value === undefined ? '' : value.toFixed(digits));

/** `fixed` in the reader's notation: "3.50" in English, "3,50" in German. */
export const fixedIn = (t: Translator, value: number | undefined, digits = 2): string => (value === undefined ? '' : t.decimal(value, digits));

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

/** A date as the web app shows it ("15 Apr 2026", "15.04.2026"), on UTC: the exports have no reader's clock. */
export const formatDate = (iso: string, t: Translator = ENGLISH): string => t.date(iso, { dateStyle: 'medium', timeZone: 'UTC' });

const signed = (value: number, t: Translator): string => {
  const rounded = Number(value.toFixed(2));
  return rounded === 0 ? t.decimal(0) : `${rounded > 0 ? '+' : '−'}${t.decimal(Math.abs(rounded))}`;
};

type Direction = 'sideways' | 'downwards' | 'upwards';

/** Pooled directions are named together: "peers (sideways) and direct reports (downwards), together". */
const directionWords = (directions: readonly Direction[], t: Translator): string =>
  directions.length === 1
    ? t.t(`report.directionWho.${directions[0]}`)
    : t.t('report.directionWho.together', { directions: t.list(directions.map((d) => t.t(`report.directionWho.${d}`))) });

/** "sideways and downwards", in the reader's language. */
export const directionNames = (directions: readonly Direction[], t: Translator = ENGLISH): string =>
  t.list(directions.map((d) => t.t(`report.direction.${d}`)));

/**
 * The summary the report opens with, in words: one line per part of `report.overview`, in the
 * web page's order. Every number is one the report shows in its details.
 */
export function overviewLines(report: Pick<ReportDto, 'overview' | 'threshold' | 'trend'>, t: Translator = ENGLISH): { title: string; text: string }[] {
  const o = report.overview;
  const k = report.threshold;
  const change = o.change;
  const top = o.influence[0];
  const num = (value: number | undefined): string => fixedIn(t, value);
  return [
    {
      title: t.t('report.overview.profile'),
      text:
        o.profile.shown && o.profile.quadrant
          ? t.t('report.overview.profileShown', {
              quadrant: quadrantLabel(o.profile.quadrant, t),
              influence: num(o.profile.influence),
              management: num(o.profile.management),
            })
          : t.t('report.overview.notShown', { reason: hiddenText(o.profile.reason, k, t) }),
    },
    {
      title: t.t('report.overview.strongest'),
      text: o.strongest ? t.t('report.overview.behaviourMean', { name: o.strongest.name, mean: num(o.strongest.mean) }) : t.t('report.overview.strongestNone'),
    },
    {
      title: t.t('report.overview.weakest'),
      text: o.weakest ? t.t('report.overview.behaviourMean', { name: o.weakest.name, mean: num(o.weakest.mean) }) : t.t('report.overview.weakestNone'),
    },
    {
      title: t.t('report.overview.blindSpot'),
      text: o.largestBlindSpot
        ? t.t('report.overview.blindSpotText', {
            text: o.largestBlindSpot.text,
            self: num(o.largestBlindSpot.self),
            others: num(o.largestBlindSpot.others),
            gap: signed(o.largestBlindSpot.gap, t),
          })
        : t.t('report.overview.blindSpotNone'),
    },
    {
      title: t.t('report.overview.direction'),
      text: top
        ? t.t('report.overview.directionText', {
            who: directionWords(top.directions, t),
            values: o.influence.map((d) => `${directionNames(d.directions, t)} ${num(d.mean)}`).join(', '),
          })
        : t.t('report.overview.directionNone'),
    },
    {
      title: t.t('report.overview.change'),
      text: change
        ? [
            t.t('report.overview.changeText', {
              cycle: report.trend?.previousCycle?.name ?? t.t('report.earlierCycle'),
              influence: change.influence.shown ? signed(change.influence.delta!, t) : t.t('report.overview.notComparable'),
              management: change.management.shown ? signed(change.management.delta!, t) : t.t('report.overview.notComparable'),
            }),
            change.largestRise && t.t('report.overview.mostUp', { name: change.largestRise.name, delta: signed(change.largestRise.delta, t) }),
            change.largestFall && t.t('report.overview.mostDown', { name: change.largestFall.name, delta: signed(change.largestFall.delta, t) }),
          ]
            .filter(Boolean)
            .join('; ')
        : t.t('report.overview.changeNone'),
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
  t: Translator = ENGLISH,
): { columns: ColumnKey[]; notes: string[] } {
  const kept: ColumnKey[] = [];
  const notes: string[] = [];
  for (const c of columns) {
    const reasons = new Set(rows.map((r) => (r[c].shown ? 'shown' : (r[c].reason ?? 'below_threshold'))));
    const [only] = [...reasons];
    if (rows.length > 0 && reasons.size === 1 && only !== 'shown')
      notes.push(t.t('report.hiddenThroughout', { column: labels[c], reason: hiddenText(only, k, t) }));
    else kept.push(c);
  }
  return { columns: kept, notes };
}
