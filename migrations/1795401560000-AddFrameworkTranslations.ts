import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Frameworks in several languages: each behaviour and question carries its translations, keyed
 * by language (`{"de": {"name": …, "description": …}}` for a behaviour, `{"de": {"text": …,
 * "hint": …}}` for a question). The English columns stay the source; answers stay keyed by
 * question id, so a rater answering in German and one answering in English rate the same statement.
 */
export class AddFrameworkTranslations1795401560000 implements MigrationInterface {
  name = 'AddFrameworkTranslations1795401560000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE behaviours
        ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
        ADD CONSTRAINT behaviours_translations_ck CHECK (jsonb_typeof(translations) = 'object')`);
    await q.query(`
      ALTER TABLE questions
        ADD COLUMN translations jsonb NOT NULL DEFAULT '{}',
        ADD CONSTRAINT questions_translations_ck CHECK (jsonb_typeof(translations) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE questions DROP CONSTRAINT questions_translations_ck, DROP COLUMN translations`);
    await q.query(`ALTER TABLE behaviours DROP CONSTRAINT behaviours_translations_ck, DROP COLUMN translations`);
  }
}
