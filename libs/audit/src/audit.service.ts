import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { EntityManager } from 'typeorm';
import { spreadsheetSafe, type Actor } from '@lib/common';
import type { AuditAction, AuditTargetType } from './audit-actions';
import { AuditEventCriteria, AuditEventFilter, AuditEventRow, AuditEventsRepository, idsOf, StoredAuditEvent } from './audit-events.repository';

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTargetType;
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
  /** The target's name (a person, cycle, framework, request or report's subject), resolved within the organisation. */
  targetName: string | null;
  /** Names of the ids in the target and the details, within the organisation. */
  names: Record<string, string>;
}

/** The most events one CSV export holds (newest first). */
export const AUDIT_CSV_MAX_ROWS = 50_000;

interface PendingEvent {
  row: AuditEventRow;
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

  constructor(private readonly events: AuditEventsRepository) {}

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
        row: rowOf(actor, entry),
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
        try {
          await this.events.insertMany(group.map((e) => e.row));
          for (const e of group) e.resolve();
        } catch (error) {
          for (const e of group) e.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * `personId: null`: a change made by the system or the operator's command line, not by a person;
   * `via: 'scim'`: by the organisation's identity provider over SCIM (kept in the details).
   */
  async record(actor: { organizationId: string; personId: string | null; via?: string }, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.events.insert(rowOf(actor, entry), manager);
  }

  async list(organizationId: string, filter: AuditEventFilter): Promise<{ items: AuditEventView[]; total: number }> {
    const { items, total } = await this.events.list(organizationId, filter);
    return { total, items: await this.withNames(organizationId, items) };
  }

  actions(organizationId: string): Promise<string[]> {
    return this.events.actions(organizationId);
  }

  /** The events matching `criteria`, newest first (at most AUDIT_CSV_MAX_ROWS), as CSV with names beside ids; no cell can run as a formula. */
  async csv(organizationId: string, criteria: AuditEventCriteria): Promise<string> {
    const { items } = await this.events.list(organizationId, { ...criteria, limit: AUDIT_CSV_MAX_ROWS, offset: 0 });
    const events = await this.withNames(organizationId, items);
    const named = (id: string, names: Record<string, string>): string => names[id.toLowerCase()] ?? id;
    const text = (value: unknown, names: Record<string, string>): string =>
      Array.isArray(value)
        ? value.map((v) => text(v, names)).join(', ')
        : typeof value === 'string'
          ? named(value, names)
          : value === null || value === undefined
            ? ''
            : typeof value === 'number' || typeof value === 'boolean'
              ? String(value)
              : JSON.stringify(value);
    const rows = events.map((e) => [
      e.createdAt,
      e.actorName ?? (e.actorId ? '' : 'System'),
      e.actorId ?? '',
      e.action,
      e.targetType,
      e.targetName ?? '',
      e.targetId ?? '',
      Object.entries(e.details ?? {})
        .map(([key, value]) => `${key}: ${text(value, e.names)}`)
        .join('; '),
    ]);
    const header = ['time_utc', 'who', 'who_id', 'action', 'target_type', 'target', 'target_id', 'details'];
    return stringify([header, ...rows.map((row) => row.map(spreadsheetSafe))]);
  }

  /** Names for the ids each event holds, in one query for the page. */
  private async withNames(organizationId: string, items: StoredAuditEvent[]): Promise<AuditEventView[]> {
    const names = await this.events.names(organizationId, items.flatMap(idsOf));
    return items.map((e) => {
      const own = Object.fromEntries(idsOf(e).flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : [])));
      // No person made a SCIM change: the trail names the channel, as it would a person.
      const actorName = e.actorName ?? (e.actorId === null && e.details?.via === 'scim' ? 'SCIM' : null);
      return { ...e, actorName, createdAt: e.createdAt.toISOString(), targetName: targetNameOf(e, own), names: own };
    });
  }
}

/** A report's target is `cycle:subject` (a heatmap's `cycle:heatmap`): named by its subject and cycle; anything else by its own id. */
function targetNameOf(e: StoredAuditEvent, names: Record<string, string>): string | null {
  const [first = '', second = ''] = (e.targetId ?? '').toLowerCase().split(':');
  if (e.targetType !== 'report') return names[first] ?? null;
  const cycle = names[first];
  if (second === 'heatmap') return cycle ? `Heatmap of ${cycle}` : null;
  const subject = names[second];
  return subject ? (cycle ? `${subject} (${cycle})` : subject) : null;
}

function rowOf(actor: { organizationId: string; personId: string | null; via?: string }, entry: AuditEntry): AuditEventRow {
  return {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: actor.via ? { ...entry.details, via: actor.via } : (entry.details ?? {}),
  };
}
