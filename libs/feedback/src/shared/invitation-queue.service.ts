import { Injectable, Logger } from '@nestjs/common';
import { ANSWERING_STATES } from '@lib/cycles';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import type { CycleRow } from './cycle-row';

/** How long requests opened one after another (a manager approving a list) wait to share one invitation. */
const COALESCE_SECONDS = 60;

/**
 * Raters hear of new requests through the cycle's invitation job (one mail per rater listing the
 * subjects), not from this library: after a request opens, the job is queued, delayed a minute
 * so that a burst of approvals makes one mail per rater. The hourly sweep sends any invitation
 * this misses, so a failure to queue is logged, not thrown (the change is already committed).
 */
@Injectable()
export class InvitationQueueService {
  private readonly logger = new Logger(InvitationQueueService.name);

  constructor(private readonly jobs: JobsService) {}

  async announce(organizationId: string, cycle: Pick<CycleRow, 'id' | 'state'>): Promise<void> {
    if (!ANSWERING_STATES.includes(cycle.state)) return;
    try {
      await this.jobs.send(
        JOB_NAMES.cycleInvitations,
        { organizationId, cycleId: cycle.id },
        { startAfter: new Date(Date.now() + COALESCE_SECONDS * 1000), singletonKey: `feedback-invite:${cycle.id}`, singletonSeconds: COALESCE_SECONDS },
      );
    } catch (error) {
      this.logger.warn({ err: error, cycleId: cycle.id }, 'could not queue invitations; the hourly sweep will send them');
    }
  }
}
