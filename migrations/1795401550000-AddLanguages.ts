import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Languages: each organisation has a default (English unless HR changes it) and each person may
 * pick their own (null: the organisation's). Mails and PDFs follow the recipient's; the web app
 * the reader's. The accepted codes are the server's catalogues (libs/common/src/i18n/languages.ts).
 */
export class AddLanguages1795401550000 implements MigrationInterface {
  name = 'AddLanguages1795401550000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN language text NOT NULL DEFAULT 'en',
        ADD CONSTRAINT organizations_language_ck CHECK (language IN ('en', 'de'))`);
    await q.query(`
      ALTER TABLE people
        ADD COLUMN language text,
        ADD CONSTRAINT people_language_ck CHECK (language IS NULL OR language IN ('en', 'de'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE people DROP CONSTRAINT people_language_ck, DROP COLUMN language`);
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_language_ck, DROP COLUMN language`);
  }
}
