import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation settings HR edits (default k and framework, mail sender name, time zone), and the
 * first-run set-up of a fresh instance: a one-time code, stored hashed, that the server prints at
 * start while no organisation exists.
 */
export class AddOrganizationSettings1795400340000 implements MigrationInterface {
  name = 'AddOrganizationSettings1795400340000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN anonymity_threshold integer NOT NULL DEFAULT 3,
        ADD COLUMN default_framework_id uuid,
        ADD COLUMN mail_sender_name text,
        ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC',
        ADD CONSTRAINT organizations_anonymity_threshold_ck CHECK (anonymity_threshold BETWEEN 3 AND 10),
        ADD CONSTRAINT organizations_mail_sender_name_ck CHECK (mail_sender_name IS NULL OR length(mail_sender_name) BETWEEN 1 AND 100),
        ADD CONSTRAINT organizations_time_zone_ck CHECK (length(time_zone) BETWEEN 1 AND 64),
        ADD CONSTRAINT organizations_id_default_framework_id_fk FOREIGN KEY (id, default_framework_id) REFERENCES frameworks (organization_id, id)`);
    // Existing organisations keep the framework new cycles already defaulted to: their first one.
    await q.query(`
      UPDATE organizations o SET default_framework_id = (
        SELECT f.id FROM frameworks f WHERE f.organization_id = o.id ORDER BY f.created_at, f.id LIMIT 1)`);

    // One row per instance, before any organisation exists: the only tables without an
    // organization_id, because they guard the creation of the first one.
    await q.query(`
      CREATE TABLE instance_setup (
        id boolean NOT NULL DEFAULT true,
        code_hash bytea NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        CONSTRAINT instance_setup_id_pk PRIMARY KEY (id),
        CONSTRAINT instance_setup_id_ck CHECK (id)
      )`);
    await q.query(`
      CREATE TABLE setup_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY,
        ip text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT setup_attempts_id_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX setup_attempts_ip_created_at_idx ON setup_attempts (ip, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE setup_attempts`);
    await q.query(`DROP TABLE instance_setup`);
    await q.query(`
      ALTER TABLE organizations
        DROP CONSTRAINT organizations_id_default_framework_id_fk,
        DROP CONSTRAINT organizations_time_zone_ck,
        DROP CONSTRAINT organizations_mail_sender_name_ck,
        DROP CONSTRAINT organizations_anonymity_threshold_ck,
        DROP COLUMN time_zone,
        DROP COLUMN mail_sender_name,
        DROP COLUMN default_framework_id,
        DROP COLUMN anonymity_threshold`);
  }
}
