import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectOne, selectRows } from '@lib/database';

/** One event to store: who (null: the system or the operator's command line), did what, to what. */
export interface AuditEventRow {
  organizationId: string;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** One stored event as listed, with the actor's current name. */
export interface StoredAuditEvent {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export interface AuditEventFilter {
  action?: string;
  targetType?: string;
  targetId?: string;
  limit: number;
  offset: number;
}

interface ListedRow {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

/** The audit trail's table. Reads take the organisation first; writes carry it in every row. */
@Injectable()
export class AuditEventsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One event, in the caller's transaction when given. */
  async insert(event: AuditEventRow, tx?: EntityManager): Promise<void> {
    await (tx ?? this.db.manager).query(
      `INSERT INTO audit_events (organization_id, actor_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [event.organizationId, event.actorId, event.action, event.targetType, event.targetId, JSON.stringify(event.details)],
    );
  }

  /** Many events in one INSERT (group commit of report views). */
  async insertMany(events: readonly AuditEventRow[]): Promise<void> {
    const column = <K extends keyof AuditEventRow>(key: K) => events.map((e) => e[key]);
    await this.db.query(
      `INSERT INTO audit_events (organization_id, actor_id, action, target_type, target_id, details)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
      [column('organizationId'), column('actorId'), column('action'), column('targetType'), column('targetId'), events.map((e) => JSON.stringify(e.details))],
    );
  }

  /** A page of the organisation's events, newest first, and how many match. */
  async list(organizationId: string, filter: AuditEventFilter): Promise<{ items: StoredAuditEvent[]; total: number }> {
    const params: unknown[] = [organizationId];
    let where = 'e.organization_id = $1';
    for (const [column, value] of [
      ['action', filter.action],
      ['target_type', filter.targetType],
      ['target_id', filter.targetId],
    ] as const) {
      if (value) {
        params.push(value);
        where += ` AND e.${column} = $${params.length}`;
      }
    }
    const { total } = await selectOne<{ total: number }>(this.db, `SELECT count(*)::int AS total FROM audit_events e WHERE ${where}`, params);
    const rows = await selectRows<ListedRow>(
      this.db,
      `SELECT e.id::text, e.actor_id, p.name AS actor_name, e.action, e.target_type, e.target_id, e.details, e.created_at
         FROM audit_events e LEFT JOIN people p ON p.organization_id = e.organization_id AND p.id = e.actor_id
        WHERE ${where} ORDER BY e.created_at DESC, e.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        actorId: r.actor_id ?? null,
        actorName: r.actor_name ?? null,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id ?? null,
        details: r.details,
        createdAt: new Date(r.created_at),
      })),
    };
  }
}
