import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@lib/common';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEventView {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

interface PendingEvent {
  row: [string, string | null, string, string, string | null, string];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The most events one grouped INSERT writes. */
const GROUP_LIMIT = 500;

/** Who did what: every admin action and every report view. Written in the caller's transaction. */
@Injectable()
export class AuditService {
  private readonly pending: PendingEvent[] = [];
  private writing = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * For reads that change nothing else (a report viewed or exported): resolves once the event is
   * stored, so the caller answers only after the view is on record. Events arriving while an
   * INSERT is in flight are written together by the next one — group commit, as PostgreSQL does
   * for WAL: under many concurrent readers one INSERT and one commit serve many views, and a lone
   * reader waits for nothing but its own INSERT.
   */
  recordView(actor: Pick<Actor, 'organizationId' | 'personId'>, entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({
        row: [actor.organizationId, actor.personId, entry.action, entry.targetType, entry.targetId ?? null, JSON.stringify(entry.details ?? {})],
        resolve,
        reject,
      });
      if (!this.writing) void this.writePending();
    });
  }

  private async writePending(): Promise<void> {
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, GROUP_LIMIT);
        const column = (i: number) => group.map((e) => e.row[i]);
        try {
          await this.db.query(
            `INSERT INTO audit_events (organization_id, actor_id, action, target_type, target_id, details)
             SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::jsonb[])`,
            [column(0), column(1), column(2), column(3), column(4), column(5)],
          );
          for (const e of group) e.resolve();
        } catch (error) {
          for (const e of group) e.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** `personId: null`: a change made by the system or the operator's command line, not by a person. */
  async record(actor: { organizationId: string; personId: string | null }, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db.manager).query(
      `INSERT INTO audit_events (organization_id, actor_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5, $6)`,
      [actor.organizationId, actor.personId, entry.action, entry.targetType, entry.targetId ?? null, JSON.stringify(entry.details ?? {})],
    );
  }

  async list(
    organizationId: string,
    filter: { action?: string; targetType?: string; targetId?: string; limit: number; offset: number },
  ): Promise<{ items: AuditEventView[]; total: number }> {
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
    const [{ total }]: { total: number }[] = await this.db.query(`SELECT count(*)::int AS total FROM audit_events e WHERE ${where}`, params);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT e.id::text, e.actor_id, p.name AS actor_name, e.action, e.target_type, e.target_id, e.details, e.created_at
         FROM audit_events e LEFT JOIN people p ON p.organization_id = e.organization_id AND p.id = e.actor_id
        WHERE ${where} ORDER BY e.created_at DESC, e.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.limit, filter.offset],
    );
    return {
      total,
      items: rows.map((r) => ({
        id: String(r.id),
        actorId: (r.actor_id as string) ?? null,
        actorName: (r.actor_name as string) ?? null,
        action: String(r.action),
        targetType: String(r.target_type),
        targetId: (r.target_id as string) ?? null,
        details: r.details as Record<string, unknown>,
        createdAt: new Date(r.created_at as string).toISOString(),
      })),
    };
  }
}
