import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './tenant-row-security';

/**
 * Development plans and the followership signal.
 *
 * development_plans: one per released report (cycle, subject), the subject's own. `items` holds
 * the 1–3 chosen behaviours with what the subject will do differently and how they will know.
 * `shared_with` is the manager the subject shared it with; the share counts only while that
 * person is still the subject's manager (read-time rule, plans.repository.ts), so a manager
 * change ends it without a trigger.
 *
 * followership_nominations: "outside your reporting line, whom do you turn to?", answered with a
 * submission. Who named whom is the most sensitive data of the product: no API reads a row; the
 * report snapshot stores only counts (report_snapshots.followership_named / _anonymous, frozen at
 * close, see libs/reports/src/domain/followership.ts).
 */
export class CreateDevelopmentPlans1795401100000 implements MigrationInterface {
  name = 'CreateDevelopmentPlans1795401100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE development_plans (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        items jsonb NOT NULL,
        shared_with uuid,
        shared_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT development_plans_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT development_plans_organization_id_cycle_id_subject_id_key UNIQUE (organization_id, cycle_id, subject_id),
        CONSTRAINT development_plans_organization_id_cycle_id_subject_id_fk FOREIGN KEY (organization_id, cycle_id, subject_id)
          REFERENCES cycle_subjects (organization_id, cycle_id, person_id) ON DELETE CASCADE,
        CONSTRAINT development_plans_organization_id_shared_with_fk FOREIGN KEY (organization_id, shared_with) REFERENCES people (organization_id, id),
        CONSTRAINT development_plans_shared_ck CHECK ((shared_with IS NULL) = (shared_at IS NULL)),
        CONSTRAINT development_plans_items_ck CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) BETWEEN 1 AND 3)
      )`);
    await q.query(
      `CREATE INDEX development_plans_organization_id_shared_with_idx ON development_plans (organization_id, shared_with) WHERE shared_with IS NOT NULL`,
    );
    await enableTenantRowSecurity(q, 'development_plans');

    await q.query(`
      CREATE TABLE followership_nominations (
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        nominator_id uuid NOT NULL,
        nominee_id uuid NOT NULL,
        CONSTRAINT followership_nominations_organization_id_cycle_id_nominator_id_nominee_id_pk PRIMARY KEY (organization_id, cycle_id, nominator_id, nominee_id),
        CONSTRAINT followership_nominations_organization_id_cycle_id_fk FOREIGN KEY (organization_id, cycle_id) REFERENCES cycles (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT followership_nominations_organization_id_nominator_id_fk FOREIGN KEY (organization_id, nominator_id) REFERENCES people (organization_id, id),
        CONSTRAINT followership_nominations_organization_id_nominee_id_fk FOREIGN KEY (organization_id, nominee_id) REFERENCES people (organization_id, id),
        CONSTRAINT followership_nominations_not_self_ck CHECK (nominator_id <> nominee_id)
      )`);
    await q.query(
      `CREATE INDEX followership_nominations_organization_id_cycle_id_nominee_id_idx ON followership_nominations (organization_id, cycle_id, nominee_id)`,
    );
    await enableTenantRowSecurity(q, 'followership_nominations');

    await q.query(`ALTER TABLE report_snapshots ADD COLUMN followership_named integer, ADD COLUMN followership_anonymous integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_snapshots DROP COLUMN followership_anonymous, DROP COLUMN followership_named`);
    await disableTenantRowSecurity(q, 'followership_nominations');
    await q.query(`DROP TABLE followership_nominations`);
    await disableTenantRowSecurity(q, 'development_plans');
    await q.query(`DROP TABLE development_plans`);
  }
}
