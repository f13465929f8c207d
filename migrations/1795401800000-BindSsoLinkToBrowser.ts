import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mailed single sign-on link confirms only in the browser that started the sign-in (README,
 * "Single sign-on"): the callback gives that browser a random nonce in a cookie and the link's row
 * keeps its hash. Links still pending from before have no browser to match: they are dropped (a
 * new sign-in mails a new one).
 */
export class BindSsoLinkToBrowser1795401800000 implements MigrationInterface {
  name = 'BindSsoLinkToBrowser1795401800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM sso_link_confirmations WHERE used_at IS NULL`);
    await q.query(`ALTER TABLE sso_link_confirmations ADD COLUMN browser_hash bytea`);
    await q.query(
      `ALTER TABLE sso_link_confirmations ADD CONSTRAINT sso_link_confirmations_browser_hash_ck CHECK (browser_hash IS NOT NULL OR used_at IS NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sso_link_confirmations DROP CONSTRAINT sso_link_confirmations_browser_hash_ck`);
    await q.query(`ALTER TABLE sso_link_confirmations DROP COLUMN browser_hash`);
  }
}
