/**
 * Every background job, by name. One place, so that a producer in one library and the handler in
 * another cannot drift apart (a job sent to a queue nobody works on waits forever).
 */
export const JOB_NAMES = {
  /** Invitations for a cycle's open requests not yet announced: `{ organizationId, cycleId }`. */
  cycleInvitations: 'cycle.invitations',
  /** Reminders for one cycle and one slot (HR's "send now"): `{ organizationId, cycleId, slot }`. */
  cycleReminders: 'cycle.reminders',
  /** Hourly sweep: due reminder slots, missed invitations, nomination deadlines. No data. */
  cycleSweep: 'cycle.sweep',
  /**
   * Close a cycle a person owns (a self-started 360, a pulse) still collecting at its closing date, as
   * its owner would (libs/cycles): `{ organizationId, cycleId }`, queued at the start for the deadline.
   */
  ownedCycleClose: 'cycle.owned-close',
  /** Compute the report snapshots of a closed cycle: `{ organizationId, cycleId }` (libs/reports). */
  reportsSnapshot: 'reports.snapshot',
  /** Start a follow-up pulse when its weeks have passed (libs/reports): `{ organizationId, pulseId }`. */
  pulseStart: 'reports.pulse-start',
  /** Mail a password-reset link to every account with this address, if any (libs/identity): `{ email, ip }`. */
  passwordResetMail: 'identity.password-reset-mail',
} as const;

/**
 * The jobs whose work spans organisations, run in system scope (libs/database, runAsSystem): the
 * sweep looks for due work in every organisation, and a password-reset address may have an account
 * in several. Every other job names its organisation in `organizationId` and runs in its scope only.
 */
export const JOBS_ACROSS_ORGANIZATIONS: ReadonlySet<string> = new Set([JOB_NAMES.cycleSweep, JOB_NAMES.passwordResetMail]);

export interface CycleJobData {
  organizationId: string;
  cycleId: string;
}

export type ReportsSnapshotJobData = CycleJobData;

export interface CycleRemindersJobData extends CycleJobData {
  /** Part of every reminder's dedupe key: one mail per rater and slot, however often the job runs. */
  slot: string;
}

export interface PulseJobData {
  organizationId: string;
  pulseId: string;
}

export interface PasswordResetMailJobData {
  /** Trimmed and lower-cased, as asked for: it may belong to nobody. */
  email: string;
  /** The address the request came from, kept with the link it issues. */
  ip: string;
}
