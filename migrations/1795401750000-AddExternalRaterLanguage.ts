import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The language an external rater is invited in, chosen by whoever invites them (the organisation's
 * unless they choose): their mails and their questionnaire are written in it. Existing invitations
 * keep the organisation's, which is what their mails were written in.
 */
export class AddExternalRaterLanguage1795401750000 implements MigrationInterface {
  name = 'AddExternalRaterLanguage1795401750000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE external_raters ADD COLUMN language text`);
    await q.query(`UPDATE external_raters er SET language = o.language FROM organizations o WHERE o.id = er.organization_id`);
    await q.query(`
      ALTER TABLE external_raters
        ALTER COLUMN language SET NOT NULL,
        ADD CONSTRAINT external_raters_language_ck CHECK (language IN ('en', 'de'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE external_raters DROP CONSTRAINT external_raters_language_ck, DROP COLUMN language`);
  }
}
