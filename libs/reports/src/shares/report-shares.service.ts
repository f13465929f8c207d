import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import type { Actor } from '@lib/common';
import { checkShare } from '../access/report-share-rules';
import { ReportsErrorCode, ReportsException } from '../reports.exception';
import { reportTargetId } from '../report/report-view.service';
import { ReportShareListDto } from './report-share.dto';
import { ReportSharesRepository } from './report-shares.repository';

/**
 * The owner of a cycle they started shares its report with named colleagues, and withdraws a share.
 * Only their own released report of such a cycle: for anything else (HR's cycles, someone else's,
 * not released yet, another organisation's) the answer is the same 404.
 */
@Injectable()
export class ReportSharesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly shares: ReportSharesRepository,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor, cycleId: string): Promise<ReportShareListDto> {
    return this.db.transaction(async (tx) => {
      await this.ownReport(actor, cycleId, tx);
      return this.listed(actor, cycleId, tx);
    });
  }

  share(actor: Actor, cycleId: string, personId: string): Promise<ReportShareListDto> {
    return this.db.transaction(async (tx) => {
      await this.ownReport(actor, cycleId, tx);
      const errors = checkShare(await this.shares.facts(actor.organizationId, cycleId, actor.personId, personId, tx));
      if (errors.length) throw new ReportsException(ReportsErrorCode.InvalidShare, errors.map((e) => e.message).join('; '), { errors });
      if (await this.shares.add(actor.organizationId, cycleId, actor.personId, personId, tx)) {
        await this.audit.record(
          actor,
          { action: 'report.shared', targetType: 'report', targetId: reportTargetId(cycleId, actor.personId), details: { cycleId, personId } },
          tx,
        );
      }
      return this.listed(actor, cycleId, tx);
    });
  }

  withdraw(actor: Actor, cycleId: string, personId: string): Promise<ReportShareListDto> {
    return this.db.transaction(async (tx) => {
      await this.ownReport(actor, cycleId, tx);
      if (await this.shares.remove(actor.organizationId, cycleId, actor.personId, personId, tx)) {
        await this.audit.record(
          actor,
          { action: 'report.share_withdrawn', targetType: 'report', targetId: reportTargetId(cycleId, actor.personId), details: { cycleId, personId } },
          tx,
        );
      }
      return this.listed(actor, cycleId, tx);
    });
  }

  private async ownReport(actor: Actor, cycleId: string, tx: EntityManager): Promise<void> {
    const cycle = await this.shares.cycle(actor.organizationId, cycleId, tx);
    if (!cycle || cycle.origin === 'hr' || cycle.ownerId !== actor.personId || cycle.state !== 'released') throw ReportsException.reportNotFound();
  }

  private async listed(actor: Actor, cycleId: string, tx: EntityManager): Promise<ReportShareListDto> {
    const rows = await this.shares.list(actor.organizationId, cycleId, actor.personId, tx);
    return { items: rows.map((r) => ({ ...r, sharedAt: new Date(r.sharedAt).toISOString() })) };
  }
}
