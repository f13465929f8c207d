import { Injectable } from '@nestjs/common';
import type { Actor } from '@lib/common';
import { ANSWERING_STATES } from '@lib/cycles';
import { cycleNotFound, FeedbackErrorCode, FeedbackException } from '../feedback.exception';
import { CycleRequestsDto, FeedbackRequestListDto, FeedbackTaskCycleDto, MyApprovalsDto, MyFeedbackTasksDto } from './request-list.dto';
import type { ListRequestsQueryDto } from './request.dto';
import { RequestListsRepository } from './request-lists.repository';
import { RequestsRepository } from './requests.repository';

/** GET /feedback-requests: my tasks (mine=true), my approvals (mine=approvals), or a cycle's requests (HR, cycleId). */
@Injectable()
export class RequestListService {
  constructor(
    private readonly lists: RequestListsRepository,
    private readonly requests: RequestsRepository,
  ) {}

  list(actor: Actor, query: ListRequestsQueryDto): Promise<FeedbackRequestListDto> {
    if (query.mine === 'true') return this.tasks(actor, query.cycleId);
    if (query.mine === 'approvals') return this.approvals(actor, query.cycleId);
    if (query.cycleId) return this.forCycle(actor, query.cycleId, query);
    throw new FeedbackException(FeedbackErrorCode.InvalidQuery, 'Say which requests: mine=true, mine=approvals or cycleId', {
      errors: [{ field: 'mine', message: 'mine or cycleId is required' }],
    });
  }

  private async tasks(actor: Actor, cycleId?: string): Promise<MyFeedbackTasksDto> {
    const rows = await this.lists.tasks(actor.organizationId, actor.personId, cycleId);
    const cycles = new Map<string, FeedbackTaskCycleDto>();
    for (const row of rows) {
      let cycle = cycles.get(row.cycleId);
      if (!cycle) {
        cycle = { id: row.cycleId, name: row.cycleName, state: row.cycleState, origin: row.cycleOrigin, responseDeadline: row.responseDeadline, requests: [] };
        cycles.set(row.cycleId, cycle);
      }
      cycle.requests.push({
        id: row.id,
        subject: row.subject,
        relationship: row.relationship,
        state: row.state,
        progress: { answered: row.answered, total: row.total },
        submittedAt: row.submittedAt,
        canAnswer: ANSWERING_STATES.includes(row.cycleState) && (row.state === 'open' || row.state === 'in_progress'),
        reason: row.reason,
        withdrawn: row.withdrawn,
        draftKept: row.draftKept,
      });
    }
    return { kind: 'tasks', cycles: [...cycles.values()] };
  }

  private async approvals(actor: Actor, cycleId?: string): Promise<MyApprovalsDto> {
    return { kind: 'approvals', items: await this.lists.approvals(actor.organizationId, actor.personId, cycleId) };
  }

  private async forCycle(actor: Actor, cycleId: string, query: ListRequestsQueryDto): Promise<CycleRequestsDto> {
    if (actor.role !== 'admin') {
      throw new FeedbackException(FeedbackErrorCode.NotAllowed, "Only HR can list a cycle's requests; use mine=true for your own");
    }
    // A cycle a person started is theirs: HR lists none of its requests (it sees only that it happened).
    if ((await this.requests.findCycle(actor.organizationId, cycleId))?.origin !== 'hr') throw cycleNotFound();
    const page = await this.lists.forCycle(actor.organizationId, cycleId, actor.personId, {
      state: query.state,
      subjectId: query.subjectId,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    return { kind: 'cycle', ...page };
  }
}
