import type { FeedbackRelationship } from '../domain';

/** Where a person sits in the org chart, as a cycle a person owns reads it when it starts. */
export interface ChartPlace {
  id: string;
  managerId: string | null;
  department: string | null;
}

/**
 * The relationship of a rater the owner chose, as the org chart says: their manager, one of their
 * direct reports, a peer (same manager, or same department), or anyone else ("other"). The report
 * groups answers by it under the same k rules as HR's cycles.
 */
export function ownedRelationship(subject: ChartPlace, rater: ChartPlace): Exclude<FeedbackRelationship, 'self'> {
  if (subject.managerId !== null && rater.id === subject.managerId) return 'manager';
  if (rater.managerId === subject.id) return 'direct_report';
  if (subject.managerId !== null && rater.managerId === subject.managerId) return 'peer';
  if (subject.department !== null && rater.department === subject.department) return 'peer';
  return 'other';
}
