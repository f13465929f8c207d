/**
 * Query keys of the feedback feature. Everything sits under `feedbackKeys.all`, so a mutation that
 * changes who is asked or what is answered can invalidate the lot in one call.
 */
export const feedbackKeys = {
  all: ['feedback'] as const,
  tasks: () => [...feedbackKeys.all, 'tasks'] as const,
  approvals: () => [...feedbackKeys.all, 'approvals'] as const,
  myCycles: () => [...feedbackKeys.all, 'my-cycles'] as const,
  questionnaire: (requestId: string) => [...feedbackKeys.all, 'questionnaire', requestId] as const,
  subjects: () => [...feedbackKeys.all, 'subject'] as const,
  subject: (cycleId: string, subjectId: string) => [...feedbackKeys.subjects(), cycleId, subjectId] as const,
  candidatesOf: (cycleId: string, subjectId: string) => [...feedbackKeys.all, 'candidates', cycleId, subjectId] as const,
  candidates: (cycleId: string, subjectId: string, search: string) => [...feedbackKeys.candidatesOf(cycleId, subjectId), search] as const,
  colleagues: (search: string) => [...feedbackKeys.all, 'colleagues', search] as const,
  /** Raters from outside the organisation: one subject's list, and the proposals waiting for me. */
  external: () => [...feedbackKeys.all, 'external'] as const,
  externalOf: (cycleId: string, subjectId: string) => [...feedbackKeys.external(), 'subject', cycleId, subjectId] as const,
  externalApprovals: () => [...feedbackKeys.external(), 'awaiting'] as const,
};
