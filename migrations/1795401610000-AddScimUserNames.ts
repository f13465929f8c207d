import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * scim_users also keeps the given and family names an identity provider sent (README, "Provisioning
 * people over SCIM"): Entra ID changes a name by patching one of them alone (`name.givenName`), so
 * Ripple needs the other to make the person's name. A row may now hold names without an externalId.
 */
export class AddScimUserNames1795401610000 implements MigrationInterface {
  name = 'AddScimUserNames1795401610000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scim_users ALTER COLUMN external_id DROP NOT NULL`);
    await q.query(`ALTER TABLE scim_users ADD COLUMN given_name text, ADD COLUMN family_name text`);
    await q.query(`ALTER TABLE scim_users ADD CONSTRAINT scim_users_given_name_ck CHECK (length(given_name) BETWEEN 1 AND 200)`);
    await q.query(`ALTER TABLE scim_users ADD CONSTRAINT scim_users_family_name_ck CHECK (length(family_name) BETWEEN 1 AND 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scim_users DROP CONSTRAINT scim_users_family_name_ck`);
    await q.query(`ALTER TABLE scim_users DROP CONSTRAINT scim_users_given_name_ck`);
    await q.query(`ALTER TABLE scim_users DROP COLUMN family_name, DROP COLUMN given_name`);
    await q.query(`DELETE FROM scim_users WHERE external_id IS NULL`);
    await q.query(`ALTER TABLE scim_users ALTER COLUMN external_id SET NOT NULL`);
  }
}
