import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@lib/common';
import { AuditEventFilter, AuditEventRow, AuditEventsRepository } from './audit-events.repository';

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

  /** `personId: null`: a change made by the system or the operator's command line, not by a person. */
  async record(actor: { organizationId: string; personId: string | null }, entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await this.events.insert(rowOf(actor, entry), manager);
  }

  async list(organizationId: string, filter: AuditEventFilter): Promise<{ items: AuditEventView[]; total: number }> {
    const { items, total } = await this.events.list(organizationId, filter);
    return { total, items: items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
  }
}

function rowOf(actor: { organizationId: string; personId: string | null }, entry: AuditEntry): AuditEventRow {
  return {
    organizationId: actor.organizationId,
    actorId: actor.personId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
  };
}
