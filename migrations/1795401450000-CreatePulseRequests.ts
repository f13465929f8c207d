import { MigrationInterface, QueryRunner } from 'typeorm';
import { disableTenantRowSecurity, enableTenantRowSecurity } from './tenant-row-security';

/**
 * A follow-up pulse a subject asks for from their development plan (README, "Development plans").
 *
 * One per plan: `behaviour_keys` are the plan's behaviours frozen when asked, `added_rater_ids` the
 * people the subject added to the original cycle's raters, `starts_at` when the pulse cycle starts
 * (the report's release plus the weeks the subject chose, or at once once those have passed). The
 * start is a job; it sets `pulse_cycle_id` (a cycle of origin 'pulse'), or `failure` when it could
 * not ask enough raters at that moment. Who the original raters are is never stored here: the job
 * reads them when it starts, so nothing the subject can see names who answered before.
 */
export class CreatePulseRequests1795401450000 implements MigrationInterface {
  name = 'CreatePulseRequests1795401450000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pulse_requests (
        organization_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        cycle_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        behaviour_keys text[] NOT NULL,
        added_rater_ids uuid[] NOT NULL DEFAULT '{}',
        weeks integer NOT NULL,
        starts_at timestamptz NOT NULL,
        pulse_cycle_id uuid,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pulse_requests_organization_id_id_pk PRIMARY KEY (organization_id, id),
        CONSTRAINT pulse_requests_organization_id_cycle_id_subject_id_key UNIQUE (organization_id, cycle_id, subject_id),
        CONSTRAINT pulse_requests_organization_id_cycle_id_subject_id_fk FOREIGN KEY (organization_id, cycle_id, subject_id)
          REFERENCES development_plans (organization_id, cycle_id, subject_id) ON DELETE CASCADE,
        CONSTRAINT pulse_requests_organization_id_pulse_cycle_id_fk FOREIGN KEY (organization_id, pulse_cycle_id) REFERENCES cycles (organization_id, id),
        CONSTRAINT pulse_requests_weeks_ck CHECK (weeks BETWEEN 1 AND 52),
        CONSTRAINT pulse_requests_behaviour_keys_ck CHECK (cardinality(behaviour_keys) BETWEEN 1 AND 3),
        CONSTRAINT pulse_requests_added_rater_ids_ck CHECK (cardinality(added_rater_ids) <= 20),
        CONSTRAINT pulse_requests_outcome_ck CHECK (pulse_cycle_id IS NULL OR failure IS NULL)
      )`);
    await q.query(
      `CREATE INDEX pulse_requests_organization_id_pulse_cycle_id_idx ON pulse_requests (organization_id, pulse_cycle_id) WHERE pulse_cycle_id IS NOT NULL`,
    );
    await enableTenantRowSecurity(q, 'pulse_requests');
  }

  async down(q: QueryRunner): Promise<void> {
    await disableTenantRowSecurity(q, 'pulse_requests');
    await q.query(`DROP TABLE pulse_requests`);
  }
}
