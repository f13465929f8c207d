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

  /**
   * A follow-up pulse of `parentCycleId` on `behaviourKeys` for the person, seeded as a closed
   * cycle of origin 'pulse' (as OwnedCyclesService starts it): its raters are the person's raters
   * of the parent cycle, each answering the chosen behaviours' statements as there, one point
   * higher on a deterministic share of them. Returns the pulse cycle, to snapshot and release.
   */
  async insertPulse(
    organizationId: string,
    pulse: {
      parentCycleId: string;
      email: string;
      behaviourKeys: readonly string[];
      weeks: number;
      startsAt: string;
      closedAt: string;
      liftShare: number;
      settings: Record<string, unknown>;
    },
  ): Promise<string> {
    return this.db.transaction(async (tx) => {
      const cycle = await selectOne<{ id: string }>(
        tx,
        `INSERT INTO cycles (organization_id, name, framework_version_id, state, settings, response_deadline, launched_at, closed_at, created_at,
                             origin, owner_id, parent_cycle_id, behaviour_keys)
         SELECT $1, 'Pulse · ' || c.name, c.framework_version_id, 'closed', $4::jsonb, $6, $5, $6, $5, 'pulse', p.id, c.id, $7::text[]
           FROM cycles c JOIN people p ON p.organization_id = c.organization_id AND p.email = $3
          WHERE c.organization_id = $1 AND c.id = $2
         RETURNING id`,
        [organizationId, pulse.parentCycleId, pulse.email, JSON.stringify(pulse.settings), pulse.startsAt, pulse.closedAt, pulse.behaviourKeys],
      );
      await execute(
        tx,
        `INSERT INTO cycle_subjects (organization_id, cycle_id, person_id, manager_id, department, has_reports, added_at)
         SELECT p.organization_id, $2, p.id, p.manager_id, p.department,
                EXISTS (SELECT 1 FROM people r WHERE r.organization_id = p.organization_id AND r.manager_id = p.id), $4
           FROM people p WHERE p.organization_id = $1 AND p.email = $3`,
        [organizationId, cycle.id, pulse.email, pulse.startsAt],
      );
      // The parent's requests for this person, self included, asked again and answered.
      await execute(
        tx,
        `INSERT INTO feedback_requests (organization_id, cycle_id, subject_id, rater_id, relationship, state, requested_by, created_at, updated_at, submitted_at, invited_at)
         SELECT fr.organization_id, $2, fr.subject_id, fr.rater_id, fr.relationship, 'submitted', fr.subject_id, $4, $5, $5, $4
           FROM feedback_requests fr JOIN people p ON p.organization_id = fr.organization_id AND p.id = fr.subject_id
          WHERE fr.organization_id = $1 AND fr.cycle_id = $3 AND p.email = $6 AND fr.state = 'submitted'`,
        [organizationId, cycle.id, pulse.parentCycleId, pulse.startsAt, pulse.closedAt, pulse.email],
      );
      await execute(
        tx,
        `INSERT INTO answers (organization_id, cycle_id, request_id, question_id, rating)
         SELECT nr.organization_id, nr.cycle_id, nr.id, a.question_id,
                CASE WHEN a.rating IS NULL THEN NULL
                     WHEN ('x' || substr(md5(nr.rater_id::text || a.question_id::text), 1, 8))::bit(32)::bigint < $5::float8 * 4294967296 THEN LEAST(5, a.rating + 1)
                     ELSE a.rating END
           FROM feedback_requests nr
           JOIN feedback_requests old ON old.organization_id = nr.organization_id AND old.cycle_id = $3 AND old.subject_id = nr.subject_id AND old.rater_id = nr.rater_id
           JOIN answers a ON a.organization_id = old.organization_id AND a.request_id = old.id
           JOIN questions q ON q.organization_id = a.organization_id AND q.id = a.question_id AND q.type = 'rating'
           JOIN behaviours b ON b.organization_id = q.organization_id AND b.id = q.behaviour_id AND b.key = ANY($4::text[])
          WHERE nr.organization_id = $1 AND nr.cycle_id = $2`,
        [organizationId, cycle.id, pulse.parentCycleId, pulse.behaviourKeys, pulse.liftShare],
      );
      await execute(
        tx,
        `INSERT INTO responses (request_id, organization_id, cycle_id, submitted_at, updated_at)
         SELECT id, organization_id, cycle_id, submitted_at, submitted_at FROM feedback_requests WHERE organization_id = $1 AND cycle_id = $2`,
        [organizationId, cycle.id],
      );
      await execute(
        tx,
        `INSERT INTO pulse_requests (organization_id, cycle_id, subject_id, behaviour_keys, weeks, starts_at, pulse_cycle_id, created_at)
         SELECT $1, $2, p.id, $4::text[], $5, $6, $7, $6 FROM people p WHERE p.organization_id = $1 AND p.email = $3`,
        [organizationId, pulse.parentCycleId, pulse.email, pulse.behaviourKeys, pulse.weeks, pulse.startsAt, cycle.id],
      );
      return cycle.id;
    });
  }

  /** A finished demo cycle, once its reports are computed: released at its own (past) date. */
  async release(organizationId: string, cycleId: string, releasedAt: string): Promise<void> {
    await this.db.query(`UPDATE cycles SET state = 'released', released_at = $3 WHERE organization_id = $1 AND id = $2 AND state IN ('closed', 'released')`, [
      organizationId,
      cycleId,
      releasedAt,
    ]);
  }
}
