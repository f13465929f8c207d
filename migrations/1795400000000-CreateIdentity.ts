import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1795400000000 implements MigrationInterface {
  name = 'CreateIdentity1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`
      CREATE TABLE organizations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organizations_id_pk PRIMARY KEY (id),
        CONSTRAINT organizations_slug_uq UNIQUE (slug),
        CONSTRAINT organizations_name_ck CHECK (length(name) BETWEEN 1 AND 200)
      )`);
    await q.query(`
      CREATE TABLE people (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        email text NOT NULL,
        name text NOT NULL,
        title text,
        department text,
        manager_id uuid,
        role text NOT NULL DEFAULT 'member',
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT people_id_pk PRIMARY KEY (id),
        CONSTRAINT people_organization_id_id_uq UNIQUE (organization_id, id),
        CONSTRAINT people_organization_id_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT people_organization_id_manager_id_fk FOREIGN KEY (organization_id, manager_id) REFERENCES people (organization_id, id),
        CONSTRAINT people_role_ck CHECK (role IN ('admin', 'member')),
        CONSTRAINT people_manager_id_ck CHECK (manager_id IS NULL OR manager_id <> id),
        CONSTRAINT people_email_ck CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254)
      )`);
    await q.query(`CREATE UNIQUE INDEX people_organization_id_email_uq ON people (organization_id, email)`);
    await q.query(`CREATE INDEX people_organization_id_manager_id_idx ON people (organization_id, manager_id)`);
    await q.query(`CREATE INDEX people_organization_id_department_idx ON people (organization_id, department)`);
    await q.query(`CREATE INDEX people_email_idx ON people (email) WHERE password_hash IS NOT NULL`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        person_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text,
        CONSTRAINT sessions_id_pk PRIMARY KEY (id),
        CONSTRAINT sessions_token_hash_uq UNIQUE (token_hash),
        CONSTRAINT sessions_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX sessions_organization_id_person_id_idx ON sessions (organization_id, person_id)`);

    // organization_id is NULL for attempts on unknown emails: rate limiting must not reveal
    // whether an account exists, so every attempt is recorded.
    await q.query(`
      CREATE TABLE login_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY,
        organization_id uuid,
        email text NOT NULL,
        ip text NOT NULL,
        succeeded boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT login_attempts_id_pk PRIMARY KEY (id)
      )`);
    await q.query(`CREATE INDEX login_attempts_email_created_at_idx ON login_attempts (email, created_at)`);
    await q.query(`CREATE INDEX login_attempts_ip_created_at_idx ON login_attempts (ip, created_at)`);

    await q.query(`
      CREATE TABLE invitations (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        person_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT invitations_id_pk PRIMARY KEY (id),
        CONSTRAINT invitations_token_hash_uq UNIQUE (token_hash),
        CONSTRAINT invitations_organization_id_person_id_fk FOREIGN KEY (organization_id, person_id) REFERENCES people (organization_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX invitations_organization_id_person_id_idx ON invitations (organization_id, person_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY,
        organization_id uuid NOT NULL,
        actor_id uuid,
        action text NOT NULL,
        target_type text NOT NULL,
        target_id text,
        details jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_events_id_pk PRIMARY KEY (id),
        CONSTRAINT audit_events_organization_id_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX audit_events_organization_id_created_at_idx ON audit_events (organization_id, created_at DESC)`);

    // The local outbox (no SMTP configured) and the record of every mail sent, keyed so that a
    // job which runs twice cannot send twice.
    await q.query(`
      CREATE TABLE mail_messages (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        dedupe_key text,
        recipient text NOT NULL,
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text,
        transport text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mail_messages_id_pk PRIMARY KEY (id),
        CONSTRAINT mail_messages_organization_id_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
        CONSTRAINT mail_messages_transport_ck CHECK (transport IN ('smtp', 'outbox'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX mail_messages_organization_id_dedupe_key_uq ON mail_messages (organization_id, dedupe_key) WHERE dedupe_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX mail_messages_organization_id_created_at_idx ON mail_messages (organization_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_messages`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE invitations`);
    await q.query(`DROP TABLE login_attempts`);
    await q.query(`DROP TABLE sessions`);
    await q.query(`DROP TABLE people`);
    await q.query(`DROP TABLE organizations`);
  }
}
