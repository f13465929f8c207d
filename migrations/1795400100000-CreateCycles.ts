import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frameworks (versioned), cycles, subjects, feedback requests, responses and answers, report
 * snapshots. Every table carries organization_id, and references between tenant tables include
 * it, so a row can never point into another organisation.
 */
export class CreateCycles1795400100000 implements MigrationInterface {
  name = 'CreateCycles1795400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE frameworks (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT frameworks_id_pk PRIMARY KEY (id),
        CONSTRAINT frameworks_organization_id_id_uq UNIQUE (organization_id, id),
        CONSTRAINT frameworks_organization_id_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
      )`);
    // A version is frozen once a cycle uses it: editing then creates the next version.
    await q.query(`
      CREATE TABLE framework_versions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        framework_id uuid NOT NULL,
        version integer NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT framework_versions_id_pk PRIMARY KEY (id),
        CONSTRAINT framework_versions_organization_id_id_uq UNIQUE (organization_id, id),
        CONSTRAINT framework_versions_framework_id_version_uq UNIQUE (framework_id, version),
        CONSTRAINT framework_versions_organization_id_framework_id_fk FOREIGN KEY (organization_id, framework_id) REFERENCES frameworks (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE behaviours (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        framework_version_id uuid NOT NULL,
        key text NOT NULL,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        kind text NOT NULL,
        position integer NOT NULL,
        CONSTRAINT behaviours_id_pk PRIMARY KEY (id),
        CONSTRAINT behaviours_organization_id_id_uq UNIQUE (organization_id, id),
        CONSTRAINT behaviours_framework_version_id_key_uq UNIQUE (framework_version_id, key),
        CONSTRAINT behaviours_organization_id_framework_version_id_fk FOREIGN KEY (organization_id, framework_version_id) REFERENCES framework_versions (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT behaviours_kind_ck CHECK (kind IN ('influence', 'management'))
      )`);
    // type 'rating': a statement rated 1-5 or not observed, under a behaviour; 'open': a comment question.
    await q.query(`
      CREATE TABLE questions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        framework_version_id uuid NOT NULL,
        behaviour_id uuid,
        key text NOT NULL,
        type text NOT NULL,
        text text NOT NULL,
        hint text,
        position integer NOT NULL,
        CONSTRAINT questions_id_pk PRIMARY KEY (id),
        CONSTRAINT questions_organization_id_id_uq UNIQUE (organization_id, id),
        CONSTRAINT questions_framework_version_id_key_uq UNIQUE (framework_version_id, key),
        CONSTRAINT questions_organization_id_framework_version_id_fk FOREIGN KEY (organization_id, framework_version_id) REFERENCES framework_versions (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT questions_organization_id_behaviour_id_fk FOREIGN KEY (organization_id, behaviour_id) REFERENCES behaviours (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT questions_type_ck CHECK (type IN ('rating', 'open')),
        CONSTRAINT questions_behaviour_id_ck CHECK ((type = 'rating') = (behaviour_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX questions_framework_version_id_position_idx ON questions (framework_version_id, position)`);

    await q.query(`
      CREATE TABLE cycles (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        name text NOT NULL,
        framework_version_id uuid NOT NULL,
        state text NOT NULL DEFAULT 'draft',
        settings jsonb NOT NULL,
        nomination_deadline timestamptz,
        response_deadline timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        launched_at timestamptz,
        closed_at timestamptz,
        released_at timestamptz,
        CONSTRAINT cycles_id_pk PRIMARY KEY (id),
        CONSTRAINT cycles_organization_id_id_uq UNIQUE (organization_id, id),
        CONSTRAINT cycles_organization_id_framework_version_id_fk FOREIGN KEY (organization_id, framework_version_id) REFERENCES framework_versions (organization_id, id),
        CONSTRAINT cycles_state_ck CHECK (state IN ('draft', 'nominating', 'collecting', 'closed', 'released'))
      )`);
    await q.query(`CREATE INDEX cycles_organization_id_created_at_idx ON cycles (organization_id, created_at DESC)`);

    // The org chart as it was at launch is frozen here, so reports and the heatmap do not move
    // when someone changes team afterwards.
    await q.query(`
      CREATE TABLE cycle_subjects (
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        person_id uuid NOT NULL,
        manager_id uuid,
        department text,
        has_reports boolean NOT NULL DEFAULT false,
        added_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT cycle_subjects_cycle_id_person_id_pk PRIMARY KEY (cycle_id, person_id),
        CONSTRAINT cycle_subjects_organization_id_cycle_id_fk FOREIGN KEY (organization_id, cycle_id) REFERENCES cycles (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT cycle_subjects_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id)
      )`);
    await q.query(`CREATE INDEX cycle_subjects_organization_id_person_id_idx ON cycle_subjects (organization_id, person_id)`);

    await q.query(`
      CREATE TABLE feedback_requests (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        rater_id uuid NOT NULL,
        relationship text NOT NULL,
        state text NOT NULL,
        requested_by uuid,
        decided_by uuid,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        submitted_at timestamptz,
        CONSTRAINT feedback_requests_id_pk PRIMARY KEY (id),
        CONSTRAINT feedback_requests_organization_id_id_uq UNIQUE (organization_id, id),
        CONSTRAINT feedback_requests_cycle_id_subject_id_fk FOREIGN KEY (cycle_id, subject_id) REFERENCES cycle_subjects (cycle_id, person_id) ON DELETE CASCADE,
        CONSTRAINT feedback_requests_organization_id_rater_id_fk FOREIGN KEY (organization_id, rater_id) REFERENCES people (organization_id, id),
        CONSTRAINT feedback_requests_relationship_ck CHECK (relationship IN ('self', 'manager', 'peer', 'direct_report', 'other')),
        CONSTRAINT feedback_requests_state_ck CHECK (state IN ('proposed', 'open', 'in_progress', 'submitted', 'declined', 'rejected')),
        CONSTRAINT feedback_requests_self_ck CHECK ((relationship = 'self') = (subject_id = rater_id))
      )`);
    // One live request per rater and subject in a cycle; declined/rejected ones free the slot.
    await q.query(
      `CREATE UNIQUE INDEX feedback_requests_cycle_id_subject_id_rater_id_uq ON feedback_requests (cycle_id, subject_id, rater_id) WHERE state NOT IN ('declined', 'rejected')`,
    );
    await q.query(`CREATE INDEX feedback_requests_organization_id_rater_id_state_idx ON feedback_requests (organization_id, rater_id, state)`);
    await q.query(`CREATE INDEX feedback_requests_cycle_id_state_idx ON feedback_requests (cycle_id, state)`);

    // A draft (answers as JSON, replaced on each autosave) and, once submitted, the final answers.
    await q.query(`
      CREATE TABLE responses (
        request_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        draft jsonb NOT NULL DEFAULT '{}',
        submitted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT responses_request_id_pk PRIMARY KEY (request_id),
        CONSTRAINT responses_organization_id_request_id_fk FOREIGN KEY (organization_id, request_id) REFERENCES feedback_requests (organization_id, id) ON DELETE CASCADE
      )`);
    // Submitted answers only, one row per question: the reports aggregate these with GROUP BY.
    // rating NULL with comment NULL on a rating question means "not observed".
    await q.query(`
      CREATE TABLE answers (
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        request_id uuid NOT NULL,
        question_id uuid NOT NULL,
        rating smallint,
        comment text,
        CONSTRAINT answers_request_id_question_id_pk PRIMARY KEY (request_id, question_id),
        CONSTRAINT answers_organization_id_request_id_fk FOREIGN KEY (organization_id, request_id) REFERENCES feedback_requests (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT answers_organization_id_question_id_fk FOREIGN KEY (organization_id, question_id) REFERENCES questions (organization_id, id),
        CONSTRAINT answers_rating_ck CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
        CONSTRAINT answers_comment_ck CHECK (comment IS NULL OR length(comment) <= 5000)
      )`);
    await q.query(`CREATE INDEX answers_cycle_id_idx ON answers (cycle_id)`);

    // Idempotency-Key replay store: the same key returns the stored answer; a different body is refused.
    await q.query(`
      CREATE TABLE idempotency_keys (
        organization_id uuid NOT NULL,
        person_id uuid NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status_code integer NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT idempotency_keys_organization_id_person_id_key_pk PRIMARY KEY (organization_id, person_id, key)
      )`);

    await q.query(`
      CREATE TABLE report_snapshots (
        organization_id uuid NOT NULL,
        cycle_id uuid NOT NULL,
        subject_id uuid NOT NULL,
        data jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT report_snapshots_cycle_id_subject_id_pk PRIMARY KEY (cycle_id, subject_id),
        CONSTRAINT report_snapshots_cycle_id_subject_id_fk FOREIGN KEY (cycle_id, subject_id) REFERENCES cycle_subjects (cycle_id, person_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX report_snapshots_organization_id_cycle_id_idx ON report_snapshots (organization_id, cycle_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'report_snapshots',
      'idempotency_keys',
      'answers',
      'responses',
      'feedback_requests',
      'cycle_subjects',
      'cycles',
      'questions',
      'behaviours',
      'framework_versions',
      'frameworks',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
