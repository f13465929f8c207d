import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { modifyRows, selectOne, selectRows } from '@lib/database';
import type { CycleOrigin, CycleState } from '@lib/cycles';
import type { ShareFacts } from '../access/report-share-rules';

export interface ShareRow {
  personId: string;
  name: string;
  title: string | null;
  department: string | null;
  sharedAt: Date;
}

/** report_shares: every method takes the organisation first. */
@Injectable()
export class ReportSharesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The cycle as the share decision needs it, locked FOR SHARE (a close or release waits). */
  async cycle(organizationId: string, cycleId: string, tx: EntityManager): Promise<{ origin: CycleOrigin; ownerId: string | null; state: CycleState } | null> {
    const rows = await selectRows<{ origin: CycleOrigin; owner_id: string | null; state: CycleState }>(
      tx,
      `SELECT origin, owner_id, state FROM cycles WHERE organization_id = $1 AND id = $2 FOR SHARE`,
      [organizationId, cycleId],
    );
    return rows[0] ? { origin: rows[0].origin, ownerId: rows[0].owner_id, state: rows[0].state } : null;
  }

  async facts(organizationId: string, cycleId: string, subjectId: string, personId: string, tx: EntityManager): Promise<ShareFacts> {
    const r = await selectOne<{ active: boolean; asked: boolean; others: number }>(
      tx,
      `SELECT EXISTS (SELECT 1 FROM people WHERE organization_id = $1 AND id = $4 AND active) AS active,
              EXISTS (SELECT 1 FROM feedback_requests WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3 AND rater_id = $4) AS asked,
              (SELECT count(*)::int FROM report_shares WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3 AND person_id <> $4) AS others`,
      [organizationId, cycleId, subjectId, personId],
    );
    return { subjectId, personId, active: r.active, askedInCycle: r.asked, sharedWithOthers: r.others };
  }

  async add(organizationId: string, cycleId: string, subjectId: string, personId: string, tx: EntityManager): Promise<boolean> {
    const rows = await selectRows<{ person_id: string }>(
      tx,
      `INSERT INTO report_shares (organization_id, cycle_id, subject_id, person_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING person_id`,
      [organizationId, cycleId, subjectId, personId],
    );
    return rows.length > 0;
  }

  async remove(organizationId: string, cycleId: string, subjectId: string, personId: string, tx: EntityManager): Promise<boolean> {
    const { count } = await modifyRows(tx, `DELETE FROM report_shares WHERE organization_id = $1 AND cycle_id = $2 AND subject_id = $3 AND person_id = $4`, [
      organizationId,
      cycleId,
      subjectId,
      personId,
    ]);
    return count > 0;
  }

  async list(organizationId: string, cycleId: string, subjectId: string, tx?: EntityManager): Promise<ShareRow[]> {
    const rows = await selectRows<{ person_id: string; name: string; title: string | null; department: string | null; created_at: Date }>(
      tx ?? this.db,
      `SELECT sh.person_id, p.name, p.title, p.department, sh.created_at
         FROM report_shares sh JOIN people p ON p.organization_id = sh.organization_id AND p.id = sh.person_id
        WHERE sh.organization_id = $1 AND sh.cycle_id = $2 AND sh.subject_id = $3
        ORDER BY p.name, sh.person_id`,
      [organizationId, cycleId, subjectId],
    );
    return rows.map((r) => ({ personId: r.person_id, name: r.name, title: r.title, department: r.department, sharedAt: r.created_at }));
  }
}
