import type { ColumnKey, HiddenReason, ProfileQuadrant } from '../domain';
import type { ReportDto } from '../report/report.dto';

/** Words shared by the CSV and the PDF, so both exports name things the same way. */
export const COLUMN_LABELS: Record<ColumnKey, string> = {
  self: 'Self',
  manager: 'Manager',
  peer: 'Peers',
  direct_report: 'Direct reports',
  others: 'Others',
  all_others: 'All others',
};

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
      return `hidden: fewer than ${k} responses (included in Others)`;
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
