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

/** Which events: every field optional; `from` and `to` are calendar days (YYYY-MM-DD) on the organisation's clock, both included. */
export interface AuditEventCriteria {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

export interface AuditEventFilter extends AuditEventCriteria {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The ids an event names: its target (a report's is `cycle:subject`) and every id among its details' values. */
export function idsOf(event: Pick<StoredAuditEvent, 'targetId' | 'details'>): string[] {
  const details = Object.values(event.details ?? {}).flatMap((v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]));
  const values: unknown[] = [...(event.targetId?.split(':') ?? []), ...details];
  return values.filter((v): v is string => typeof v === 'string' && UUID.test(v)).map((v) => v.toLowerCase());
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
    const { where, params } = whereOf(organizationId, filter);
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

  /** The actions recorded in the organisation, for the "what" filter. */
  async actions(organizationId: string): Promise<string[]> {
    const rows = await selectRows<{ action: string }>(this.db, `SELECT DISTINCT action FROM audit_events WHERE organization_id = $1 ORDER BY action`, [
      organizationId,
    ]);
    return rows.map((r) => r.action);
  }

  /**
   * The names of the organisation's people, cycles, frameworks and feedback requests ("rater for
   * subject") among `ids`; ids of anything else, or of another organisation, get none.
   */
  async names(organizationId: string, ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await selectRows<{ id: string; name: string }>(
      this.db,
      `SELECT id::text, name FROM people WHERE organization_id = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT id::text, name FROM cycles WHERE organization_id = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT id::text, name FROM frameworks WHERE organization_id = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT id::text, name FROM organizations WHERE id = $1 AND id = ANY($2::uuid[])
       UNION ALL SELECT fr.id::text, r.name || ' for ' || s.name
                   FROM feedback_requests fr
                   JOIN people r ON r.organization_id = fr.organization_id AND r.id = fr.rater_id
                   JOIN people s ON s.organization_id = fr.organization_id AND s.id = fr.subject_id
                  WHERE fr.organization_id = $1 AND fr.id = ANY($2::uuid[])`,
      [organizationId, [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/** The WHERE clause of a filter, the organisation first ($1). */
/**
 * A cycle a person owns (a self-started 360, a pulse) is theirs: the trail shows only that it was
 * started (`cycle.<origin>_started`), never what happened in it (closing, declines, report views,
 * shares), which would tell HR about its raters, progress or report. An event belongs to such a
 * cycle when it names it as its target (`<cycle>` or `<cycle>:<subject>`) or in details.cycleId.
 * The owned cycles' ids are read once per query (an uncorrelated InitPlan).
 */
const OWNED_CYCLES = `COALESCE((SELECT array_agg(oc.id::text) FROM cycles oc WHERE oc.organization_id = $1 AND oc.origin <> 'hr'), '{}')`;
const OWNED_CYCLES_HIDDEN = `NOT (e.action NOT IN ('cycle.self_started', 'cycle.pulse_started')
  AND (COALESCE(e.details ->> 'cycleId' = ANY(${OWNED_CYCLES}), false) OR COALESCE(split_part(e.target_id, ':', 1) = ANY(${OWNED_CYCLES}), false)))`;

function whereOf(organizationId: string, filter: AuditEventCriteria): { where: string; params: unknown[] } {
  const params: unknown[] = [organizationId];
  const clauses = ['e.organization_id = $1', OWNED_CYCLES_HIDDEN];
  const add = (sql: (n: string) => string, value: unknown): void => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (filter.actorId) add((n) => `e.actor_id = ${n}::uuid`, filter.actorId);
  if (filter.action) add((n) => `e.action = ${n}`, filter.action);
  if (filter.targetType) add((n) => `e.target_type = ${n}`, filter.targetType);
  if (filter.targetId) add((n) => `e.target_id = ${n}`, filter.targetId);
  // Days on the organisation's clock, as the trail shows its times.
  const zone = `(SELECT o.time_zone FROM organizations o WHERE o.id = $1)`;
  if (filter.from) add((n) => `e.created_at >= (${n}::date)::timestamp AT TIME ZONE ${zone}`, filter.from);
  if (filter.to) add((n) => `e.created_at < (${n}::date + 1)::timestamp AT TIME ZONE ${zone}`, filter.to);
  return { where: clauses.join(' AND '), params };
}
