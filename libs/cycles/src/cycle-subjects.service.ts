import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { CycleLaunchRepository } from './cycle-launch.repository';
import { AddSubjectsDto, AddSubjectsResultDto, CycleSubjectListDto, ListSubjectsQueryDto } from './cycle-subject.dto';
import { CyclesRepository } from './cycles.repository';
import { CycleSubjectsRepository } from './cycle-subjects.repository';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import type { CycleState } from './domain';
import { SubjectRemovalService } from './subject-removal.service';

/** Subjects join while the cycle is a draft or collecting nominations; they leave only in draft. */
const ADD_STATES: readonly CycleState[] = ['draft', 'nominating'];

@Injectable()
export class CycleSubjectsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cycles: CyclesRepository,
    private readonly subjects: CycleSubjectsRepository,
    private readonly launcher: CycleLaunchRepository,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly removal: SubjectRemovalService,
  ) {}

  /**
   * Adds chosen people, a department or everyone, in one INSERT … SELECT (ON CONFLICT DO NOTHING,
   * so adding twice is harmless). After launch the new subjects get their org-chart requests at
   * once, and their raters an invitation.
   */
  async add(actor: Actor, cycleId: string, dto: AddSubjectsDto): Promise<AddSubjectsResultDto> {
    const org = actor.organizationId;
    const given = [dto.personIds !== undefined, dto.department !== undefined, dto.everyone !== undefined].filter(Boolean).length;
    if (given !== 1) {
      throw new CyclesException(CyclesErrorCode.InvalidSubjectSelection, 'Give exactly one of personIds, department or everyone', {
        errors: [{ field: 'personIds', message: 'give exactly one of personIds, department or everyone' }],
      });
    }
    const result = await this.db.transaction(async (tx) => {
      const cycle = await this.cycles.find(org, cycleId, tx, true);
      if (!cycle || cycle.origin !== 'hr') throw CyclesException.cycleNotFound();
      if (!ADD_STATES.includes(cycle.state)) {
        throw new CyclesException(CyclesErrorCode.SubjectsLocked, `Subjects can no longer be added: the cycle is ${cycle.state}`);
      }
      const personIds = dto.personIds ? [...new Set(dto.personIds)] : null;
      if (personIds) await this.assertPeopleExist(org, personIds, tx);
      const selection = { personIds, department: dto.department ?? null };
      const newIds = await this.subjects.add(org, cycleId, selection, tx);
      const { total, matched } = await this.subjects.selectionCounts(org, cycleId, selection, tx);
      await this.launcher.freezeSubjects(org, cycleId, newIds, tx);
      const requestsCreated =
        cycle.state === 'draft' || !newIds.length ? 0 : await this.launcher.createOrgChartRequests(org, cycleId, cycle.settings.selfReview, newIds, tx);
      await this.audit.record(
        actor,
        {
          action: 'cycle.subjects_added',
          targetType: 'cycle',
          targetId: cycleId,
          details: { added: newIds.length, department: dto.department, everyone: dto.everyone ?? false },
        },
        tx,
      );
      return { added: newIds.length, alreadyIncluded: matched - newIds.length, total, requestsCreated };
    });
    if (result.requestsCreated) await this.jobs.send(JOB_NAMES.cycleInvitations, { organizationId: org, cycleId });
    return result;
  }

  async list(actor: Actor, cycleId: string, query: ListSubjectsQueryDto): Promise<CycleSubjectListDto> {
    const org = actor.organizationId;
    if ((await this.cycles.find(org, cycleId))?.origin !== 'hr') throw CyclesException.cycleNotFound();
    const { total, items } = await this.subjects.list(org, cycleId, actor.personId, {
      search: query.search,
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
    return {
      total,
      items: items.map((r) => ({ ...r, addedAt: r.addedAt.toISOString(), progressHidden: r.personId === actor.personId })),
    };
  }

  /** Draft only: once launched, a subject's raters have been asked (and maybe answered); a leaver goes through LeaversService. */
  async remove(actor: Actor, cycleId: string, personId: string): Promise<void> {
    const org = actor.organizationId;
    await this.db.transaction(async (tx) => {
      const cycle = await this.cycles.find(org, cycleId, tx, true);
      if (!cycle || cycle.origin !== 'hr') throw CyclesException.cycleNotFound();
      if (cycle.state !== 'draft') {
        throw new CyclesException(CyclesErrorCode.SubjectsLocked, `Subjects can only be removed while the cycle is a draft (it is ${cycle.state})`);
      }
      const removed = await this.removal.remove(actor, personId, { cycleId, cause: 'removed_by_hr' }, tx);
      if (!removed.cycles) throw CyclesException.subjectNotFound();
    });
  }

  /** Every id must name an active person of the organisation; otherwise nothing is added. */
  private async assertPeopleExist(organizationId: string, personIds: string[], tx: EntityManager): Promise<void> {
    const unknown = await this.subjects.unknownPeople(organizationId, personIds, tx);
    if (unknown.length) {
      throw new CyclesException(CyclesErrorCode.PeopleNotFound, `${unknown.length} of the chosen people are not in this organisation`, {
        errors: [
          {
            field: 'personIds',
            message: `unknown people: ${unknown.slice(0, 20).join(', ')}`,
          },
        ],
        unknownPersonIds: unknown,
      });
    }
  }
}
