import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { JOB_NAMES, JobsService } from '@lib/jobs';
import { CycleLaunchRepository } from './cycle-launch.repository';
import { AddSubjectsDto, AddSubjectsResultDto, CycleSubjectListDto, ListSubjectsQueryDto } from './cycle-subject.dto';
import { CyclesRepository } from './cycles.repository';
import { CyclesErrorCode, CyclesException } from './cycles.exception';
import { countsOf, countsSql } from './request-counts';
import type { CycleState } from './domain';
import { SubjectRemovalService } from './subject-removal.service';

/** Subjects join while the cycle is a draft or collecting nominations; they leave only in draft. */
const ADD_STATES: readonly CycleState[] = ['draft', 'nominating'];

@Injectable()
export class CycleSubjectsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cycles: CyclesRepository,
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
      if (!cycle) throw CyclesException.cycleNotFound();
      if (!ADD_STATES.includes(cycle.state)) {
        throw new CyclesException(CyclesErrorCode.SubjectsLocked, `Subjects can no longer be added: the cycle is ${cycle.state}`);
      }
      const personIds = dto.personIds ? [...new Set(dto.personIds)] : null;
      if (personIds) await this.assertPeopleExist(org, personIds, tx);
      const added: { person_id: string }[] = await tx.query(
        `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, department, manager_id)
         SELECT $1, $2, p.id, p.department, p.manager_id FROM people p
          WHERE p.organization_id = $1 AND p.active
            AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[]))
            AND ($4::text IS NULL OR p.department = $4)
         ON CONFLICT DO NOTHING
         RETURNING person_id`,
        [org, cycleId, personIds, dto.department ?? null],
      );
      const [{ total, matched }]: { total: number; matched: number }[] = await tx.query(
        `SELECT count(*)::int AS total,
                count(*) FILTER (WHERE p.active AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[])) AND ($4::text IS NULL OR p.department = $4))::int AS matched
           FROM cycle_subjects cs JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
          WHERE cs.organization_id = $1 AND cs.cycle_id = $2 AND cs.removed_at IS NULL`,
        [org, cycleId, personIds, dto.department ?? null],
      );
      const newIds = added.map((r) => r.person_id);
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
    if (!(await this.cycles.find(org, cycleId))) throw CyclesException.cycleNotFound();
    const params: unknown[] = [org, cycleId];
    let where = 'cs.organization_id = $1 AND cs.cycle_id = $2';
    if (query.search) {
      params.push(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where += ` AND (p.name ILIKE $3 OR p.email ILIKE $3 OR cs.department ILIKE $3)`;
    }
    const [{ total }]: { total: number }[] = await this.db.query(
      `SELECT count(*)::int AS total FROM cycle_subjects cs JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id WHERE cs.removed_at IS NULL AND ${where}`,
      params,
    );
    // The viewer's own row counts their requests as a subject sees them (countsSql).
    const n = params.length;
    const rows: (Record<string, unknown> & {
      person_id: string;
      name: string;
      email: string;
      title: string | null;
      department: string | null;
      manager_id: string | null;
      manager_name: string | null;
      has_reports: boolean;
      added_at: Date;
    })[] = await this.db.query(
      `SELECT cs.person_id, p.name, p.email, p.title, cs.department, cs.manager_id, m.name AS manager_name, cs.has_reports, cs.added_at, ${countsSql(`$${n + 1}`)}
         FROM cycle_subjects cs
         JOIN people p ON p.organization_id = cs.organization_id AND p.id = cs.person_id
         LEFT JOIN people m ON m.organization_id = cs.organization_id AND m.id = cs.manager_id
         LEFT JOIN feedback_requests fr ON fr.organization_id = cs.organization_id AND fr.cycle_id = cs.cycle_id AND fr.subject_id = cs.person_id
        WHERE cs.removed_at IS NULL AND ${where}
        GROUP BY cs.person_id, p.name, p.email, p.title, cs.department, cs.manager_id, m.name, cs.has_reports, cs.added_at
        ORDER BY p.name, cs.person_id
        LIMIT $${n + 2} OFFSET $${n + 3}`,
      [...params, actor.personId, query.limit ?? 100, query.offset ?? 0],
    );
    return {
      total,
      items: rows.map((r) => ({
        personId: r.person_id,
        name: r.name,
        email: r.email,
        title: r.title ?? null,
        department: r.department ?? null,
        managerId: r.manager_id ?? null,
        managerName: r.manager_name ?? null,
        hasReports: r.has_reports,
        addedAt: new Date(r.added_at).toISOString(),
        requests: countsOf(r),
        progressHidden: r.person_id === actor.personId,
      })),
    };
  }

  /** Draft only: once launched, a subject's raters have been asked (and maybe answered); a leaver goes through LeaversService. */
  async remove(actor: Actor, cycleId: string, personId: string): Promise<void> {
    const org = actor.organizationId;
    await this.db.transaction(async (tx) => {
      const cycle = await this.cycles.find(org, cycleId, tx, true);
      if (!cycle) throw CyclesException.cycleNotFound();
      if (cycle.state !== 'draft') {
        throw new CyclesException(CyclesErrorCode.SubjectsLocked, `Subjects can only be removed while the cycle is a draft (it is ${cycle.state})`);
      }
      const removed = await this.removal.remove(actor, personId, { cycleId, cause: 'removed_by_hr' }, tx);
      if (!removed.cycles) throw CyclesException.subjectNotFound();
    });
  }

  /** Every id must name an active person of the organisation; otherwise nothing is added. */
  private async assertPeopleExist(organizationId: string, personIds: string[], tx: EntityManager): Promise<void> {
    const rows: { id: string }[] = await tx.query(
      `SELECT x.id FROM unnest($2::uuid[]) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.organization_id = $1 AND p.id = x.id AND p.active)`,
      [organizationId, personIds],
    );
    if (rows.length) {
      throw new CyclesException(CyclesErrorCode.PeopleNotFound, `${rows.length} of the chosen people are not in this organisation`, {
        errors: [
          {
            field: 'personIds',
            message: `unknown people: ${rows
              .slice(0, 20)
              .map((r) => r.id)
              .join(', ')}`,
          },
        ],
        unknownPersonIds: rows.map((r) => r.id),
      });
    }
  }
}
