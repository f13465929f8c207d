import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectOne, selectRows } from '@lib/database';

/** A demo person as inserted: manager links are set afterwards, by email. */
export interface DemoPersonRow {
  email: string;
  name: string;
  title: string;
  department: string;
  role: 'admin' | 'member';
}

/** The SQL of seeding the demo organisation. Every method but isEmpty takes the organisation first. */
@Injectable()
export class DemoSeedRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** No organisation at all: a fresh instance, where the demo may be offered. */
  async isEmpty(): Promise<boolean> {
    const rows = await selectRows<object>(this.db, `SELECT 1 FROM organizations LIMIT 1`);
    return rows.length === 0;
  }

  async insertOrganization(name: string, slug: string, tx: EntityManager): Promise<string> {
    const org = await selectOne<{ id: string }>(tx, `INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING id`, [name, slug]);
    return org.id;
  }

  /** One INSERT for everyone, then one UPDATE for the org chart (manager by email). */
  async insertPeople(
    organizationId: string,
    people: readonly DemoPersonRow[],
    managers: readonly { email: string; managerEmail: string }[],
    passwordHash: string,
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO people (organization_id, email, name, title, department, role, password_hash)
       SELECT $1, x.email, x.name, x.title, x.department, x.role, $7
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(email, name, title, department, role)`,
      [
        organizationId,
        people.map((p) => p.email),
        people.map((p) => p.name),
        people.map((p) => p.title),
        people.map((p) => p.department),
        people.map((p) => p.role),
        passwordHash,
      ],
    );
    await tx.query(
      `UPDATE people p SET manager_id = m.id FROM unnest($2::text[], $3::text[]) AS x(email, manager_email)
         JOIN people m ON m.organization_id = $1 AND m.email = x.manager_email
        WHERE p.organization_id = $1 AND p.email = x.email`,
      [organizationId, managers.map((m) => m.email), managers.map((m) => m.managerEmail)],
    );
  }

  async personIdsByEmail(organizationId: string, emails: readonly string[], tx: EntityManager): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(tx, `SELECT id FROM people WHERE organization_id = $1 AND email = ANY($2)`, [organizationId, emails]);
    return rows.map((r) => r.id);
  }

  /** The demo's requests count as announced: no invitation mail storm on first start. */
  async markRequestsAnnounced(organizationId: string, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE feedback_requests SET invited_at = created_at WHERE organization_id = $1`, [organizationId]);
  }

  /** A finished demo cycle, once its reports are computed: released at its own (past) date. */
  async release(organizationId: string, cycleId: string, releasedAt: string): Promise<void> {
    await this.db.query(`UPDATE cycles SET state = 'released', released_at = $3 WHERE organization_id = $1 AND id = $2 AND state = 'closed'`, [
      organizationId,
      cycleId,
      releasedAt,
    ]);
  }
}
