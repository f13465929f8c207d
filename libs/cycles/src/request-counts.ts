import type { RequestCountsDto } from './cycle-subject.dto';

/** Aggregates over `feedback_requests fr` (left-joinable: a NULL row counts nowhere). */
export const COUNTS_SQL = `
  count(fr.id) FILTER (WHERE fr.state IN ('open', 'in_progress', 'submitted'))::int AS requested,
  count(fr.id) FILTER (WHERE fr.state = 'submitted')::int AS submitted,
  count(fr.id) FILTER (WHERE fr.state = 'in_progress')::int AS in_progress,
  count(fr.id) FILTER (WHERE fr.state = 'open')::int AS not_started,
  count(fr.id) FILTER (WHERE fr.state = 'proposed')::int AS proposed,
  count(fr.id) FILTER (WHERE fr.state = 'declined')::int AS declined,
  count(fr.id) FILTER (WHERE fr.state = 'rejected')::int AS rejected`;

/** The response rate counts only requests a rater was actually asked (not proposed, declined or rejected). */
export function countsOf(row: Record<string, unknown>): RequestCountsDto {
  const requested = Number(row.requested ?? 0);
  const submitted = Number(row.submitted ?? 0);
  return {
    requested,
    submitted,
    inProgress: Number(row.in_progress ?? 0),
    notStarted: Number(row.not_started ?? 0),
    proposed: Number(row.proposed ?? 0),
    declined: Number(row.declined ?? 0),
    rejected: Number(row.rejected ?? 0),
    responseRate: requested ? Math.round((submitted / requested) * 1000) / 1000 : null,
  };
}
