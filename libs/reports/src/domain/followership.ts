/**
 * The followership signal: "Outside your reporting line, whom do you turn to for advice or
 * support?" (up to three colleagues, with a questionnaire's submission). Who named whom reveals a
 * rater's social graph, so it is never served: only counts, decided here.
 *
 * The rule, mirroring anonymity.ts (rules 1 and 6), with k the cycle's threshold:
 *
 * 1. A person's count N (how many colleagues named them in the cycle) is frozen at close with the
 *    report, together with how many of those nominators could NOT read that report then
 *    (`anonymous`: neither an HR admin at close nor the subject's manager frozen at launch; the
 *    subject cannot name themselves). N is shown only when anonymous ≥ k: a reader who named the
 *    person and subtracts their own nomination still faces at least k others, and so does any
 *    group of readers pooling what they know.
 * 2. A reader who named the person never sees that person's count (`readerNamed`), whatever
 *    their role now: someone who was not a reader at close and became one later (HR, or the
 *    subject's manager) would otherwise subtract themselves from a number that counted them as
 *    anonymous. They know they named the person; seeing it hidden tells them nothing new.
 * 3. Nothing below k is ever distinguished: none, one or k − 1 nominators read alike
 *    ("fewer than k").
 * 4. The organisation view sums shown per-person counts only, per department × with/without
 *    reports, under the heatmap's suppression (suppressHeatmap, whose cells count people): every
 *    number there is a sum over whole persons, each standing on ≥ k anonymous nominators, and
 *    the suppression keeps any combination over at least m ≥ k persons. A reader's view leaves
 *    out the persons they named (rule 2), as the heatmap leaves out reports that counted them.
 *
 * Differencing. Counts are per cycle and frozen at close (nominations close with the answers), so
 * a count never changes after anyone has seen it; role changes after close change no count (they
 * only hide it from a new reader who named the person, rule 2). Two cycles' counts differ by
 * whoever named the person in one and not the other: each count stands on ≥ k anonymous
 * nominators, but the difference does not; what a reader can learn from it is how many more or
 * fewer people named the person, never who, as nobody learns who submitted a questionnaire
 * for someone else.
 */
import { HeatmapView, suppressHeatmap } from './heatmap-suppression';

export interface FollowershipCount {
  /** How many colleagues named the person in the cycle (distinct nominators). */
  named: number;
  /** Of them, how many could not read the person's report at close (rule 1). */
  anonymous: number;
}

export type FollowershipView = { shown: true; named: number } | { shown: false; reason: 'fewer_than_threshold' | 'not_counted' | 'reader_named' };

/** What one reader is shown of one person's count (rules 1–3). `count` null: the report predates the signal. */
export function followershipView(count: FollowershipCount | null, threshold: number, readerNamed: boolean): FollowershipView {
  if (!count) return { shown: false, reason: 'not_counted' };
  if (readerNamed) return { shown: false, reason: 'reader_named' };
  if (!Number.isInteger(count.named) || !Number.isInteger(count.anonymous) || count.anonymous < 0 || count.anonymous > count.named) {
    throw new RangeError('a followership count needs 0 ≤ anonymous ≤ named');
  }
  return count.anonymous >= threshold ? { shown: true, named: count.named } : { shown: false, reason: 'fewer_than_threshold' };
}

export interface FollowershipPerson {
  /** Row of the organisation table (the person's department index). */
  department: number;
  hasReports: boolean;
  count: FollowershipCount | null;
  readerNamed: boolean;
}

/**
 * The organisation view (rule 4): departments × {with reports, without}, each cell the people
 * whose count is shown to this reader and the sum of their counts. The mean is "colleagues named
 * per person" among them; `n` people.
 */
export function followershipTable(people: readonly FollowershipPerson[], departments: number, threshold: number, minCellSize?: number): HeatmapView {
  const cells = Array.from({ length: departments }, () => [
    { sum: 0, count: 0 },
    { sum: 0, count: 0 },
  ]);
  for (const p of people) {
    const view = followershipView(p.count, threshold, p.readerNamed);
    if (!view.shown) continue;
    const cell = cells[p.department][p.hasReports ? 0 : 1];
    cell.sum += view.named;
    cell.count += 1;
  }
  return suppressHeatmap({ cells, threshold, minCellSize });
}
