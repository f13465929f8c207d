import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { execute, selectOne, selectRows } from '@lib/database';

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

  /**
   * The followership question in the finished cycles: each rater who answered as a peer names up
   * to two of the colleagues they rated, never anyone in their reporting line (their manager chain
   * and direct reports). Deterministic (ordered by a hash), so the demo is the same everywhere.
   */
  async insertFollowership(organizationId: string, cycleIds: readonly string[], tx: EntityManager): Promise<void> {
    await execute(
      tx,
      `WITH RECURSIVE chain (person_id, ancestor_id, depth) AS (
         SELECT id, manager_id, 1 FROM people WHERE organization_id = $1 AND manager_id IS NOT NULL
         UNION ALL
         SELECT c.person_id, p.manager_id, c.depth + 1 FROM chain c JOIN people p ON p.organization_id = $1 AND p.id = c.ancestor_id
          WHERE p.manager_id IS NOT NULL AND c.depth < 50),
       candidates AS (
         SELECT fr.cycle_id, fr.rater_id, fr.subject_id,
                row_number() OVER (PARTITION BY fr.cycle_id, fr.rater_id ORDER BY md5(fr.rater_id::text || fr.subject_id::text)) AS n
           FROM feedback_requests fr
           JOIN people s ON s.organization_id = fr.organization_id AND s.id = fr.subject_id
          WHERE fr.organization_id = $1 AND fr.cycle_id = ANY($2::uuid[]) AND fr.relationship = 'peer' AND fr.state = 'submitted'
            AND s.manager_id IS DISTINCT FROM fr.rater_id
            AND NOT EXISTS (SELECT 1 FROM chain c WHERE c.person_id = fr.rater_id AND c.ancestor_id = fr.subject_id))
       INSERT INTO followership_nominations (organization_id, cycle_id, nominator_id, nominee_id)
       SELECT $1, cycle_id, rater_id, subject_id FROM candidates WHERE n <= 2`,
      [organizationId, cycleIds],
    );
  }

  /** A development plan on a released report, shared with the person's manager when asked. */
  async insertPlan(
    organizationId: string,
    cycleId: string,
    email: string,
    items: readonly { behaviourKey: string; name: string; action: string; evidence: string }[],
    share: boolean,
    createdAt: string,
  ): Promise<void> {
    await execute(
      this.db,
      `INSERT INTO development_plans (organization_id, cycle_id, subject_id, items, shared_with, shared_at, created_at, updated_at)
       SELECT $1, $2, p.id, $4::jsonb, CASE WHEN $5 THEN p.manager_id END, CASE WHEN $5 AND p.manager_id IS NOT NULL THEN $6::timestamptz END, $6, $6
         FROM people p WHERE p.organization_id = $1 AND p.email = $3`,
      [organizationId, cycleId, email, JSON.stringify(items), share, createdAt],
    );
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
