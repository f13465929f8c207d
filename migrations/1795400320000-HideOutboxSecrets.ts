import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No admin view shows a secret or tells anyone about their own raters (DESIGN.md, "Who may see
 * what"):
 * - mail_messages.hidden_from: the people who must never read a mail in the outbox. Existing
 *   invitations and reminders of a cycle (dedupe keys `invite:<cycle>:<rater>:…` and
 *   `reminder:<cycle>:<rater>:…`) get what the sender now sets: every subject their rater was
 *   asked about in that cycle, except the rater themself.
 * - Stored mails lose their secrets: every `token=` value in the text and HTML is replaced by
 *   `[redacted]` (the application's redactSecrets also catches other secret-looking values; the
 *   invitation link, the only secret mailed so far, is a `token`).
 * - The audit event `cycle.reminders_sent` no longer records how many raters still owed answers:
 *   that count included the requests about every other HR admin of the cycle.
 * down() drops the column; the redacted secrets and counts are gone for good, by design.
 */
export class HideOutboxSecrets1795400320000 implements MigrationInterface {
  name = 'HideOutboxSecrets1795400320000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_messages ADD COLUMN hidden_from uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      UPDATE mail_messages m
         SET hidden_from = ARRAY(
               SELECT DISTINCT fr.subject_id FROM feedback_requests fr
                WHERE fr.organization_id = m.organization_id
                  AND fr.cycle_id::text = split_part(m.dedupe_key, ':', 2)
                  AND fr.rater_id::text = split_part(m.dedupe_key, ':', 3)
                  AND fr.subject_id <> fr.rater_id)
       WHERE split_part(m.dedupe_key, ':', 1) IN ('invite', 'reminder')`);
    await q.query(`
      UPDATE mail_messages
         SET text_body = regexp_replace(text_body, '([?&]|&amp;)token=[^&#[:space:]"''<>]+', '\\1token=[redacted]', 'gi'),
             html_body = regexp_replace(html_body, '([?&]|&amp;)token=[^&#[:space:]"''<>]+', '\\1token=[redacted]', 'gi')
       WHERE text_body ~* 'token=' OR html_body ~* 'token='`);
    await q.query(`UPDATE audit_events SET details = details - 'raters' WHERE action = 'cycle.reminders_sent' AND details ? 'raters'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_messages DROP COLUMN hidden_from`);
  }
}
