import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a pulse could not start was stored as an English sentence, shown as it was to an owner reading
 * in any language. It is now a code the reader's app words (libs/reports pulse.dto PULSE_FAILURES):
 * the owner is no longer an active member; fewer than k raters can still be asked; another rule
 * refused it. Existing sentences become their code (the two the job wrote are known by their words).
 */
export class StorePulseFailureCodes1795401810000 implements MigrationInterface {
  name = 'StorePulseFailureCodes1795401810000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE pulse_requests
         SET failure = CASE
               WHEN failure = 'You can no longer ask for feedback in this organisation.' THEN 'no_longer_member'
               WHEN failure LIKE '%A pulse needs at least % raters who can still be asked%' THEN 'too_few_raters'
               ELSE 'cannot_start'
             END
       WHERE failure IS NOT NULL`);
    await q.query(`
      ALTER TABLE pulse_requests
        ADD CONSTRAINT pulse_requests_failure_ck CHECK (failure IN ('no_longer_member', 'too_few_raters', 'cannot_start'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE pulse_requests DROP CONSTRAINT pulse_requests_failure_ck`);
    await q.query(`
      UPDATE pulse_requests
         SET failure = CASE failure
               WHEN 'no_longer_member' THEN 'You can no longer ask for feedback in this organisation.'
               WHEN 'too_few_raters' THEN 'A pulse needs more raters who can still be asked; add people to reach it'
               ELSE 'The pulse could not start.'
             END
       WHERE failure IS NOT NULL`);
  }
}
