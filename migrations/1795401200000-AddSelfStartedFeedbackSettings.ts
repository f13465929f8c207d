import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feedback anyone can ask for: whether people may start a small 360 on themselves outside HR's
 * cycles (on by default), and the organisation-wide limits on it — the fewest raters (never below
 * k: the settings service holds it there), the most behaviours, and a cap on any one rater's open
 * requests across every cycle, so that nobody is flooded.
 */
export class AddSelfStartedFeedbackSettings1795401200000 implements MigrationInterface {
  name = 'AddSelfStartedFeedbackSettings1795401200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        ADD COLUMN self_requests_enabled boolean NOT NULL DEFAULT true,
        ADD COLUMN self_request_min_raters integer NOT NULL DEFAULT 3,
        ADD COLUMN self_request_max_behaviours integer NOT NULL DEFAULT 3,
        ADD COLUMN rater_open_request_cap integer NOT NULL DEFAULT 6,
        ADD CONSTRAINT organizations_self_request_min_raters_ck CHECK (self_request_min_raters BETWEEN 3 AND 20),
        ADD CONSTRAINT organizations_self_request_max_behaviours_ck CHECK (self_request_max_behaviours BETWEEN 1 AND 10),
        ADD CONSTRAINT organizations_rater_open_request_cap_ck CHECK (rater_open_request_cap BETWEEN 1 AND 50)`);
    // Existing organisations may already have a k above the default minimum.
    await q.query(`UPDATE organizations SET self_request_min_raters = GREATEST(self_request_min_raters, anonymity_threshold)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organizations
        DROP CONSTRAINT organizations_rater_open_request_cap_ck,
        DROP CONSTRAINT organizations_self_request_max_behaviours_ck,
        DROP CONSTRAINT organizations_self_request_min_raters_ck,
        DROP COLUMN rater_open_request_cap,
        DROP COLUMN self_request_max_behaviours,
        DROP COLUMN self_request_min_raters,
        DROP COLUMN self_requests_enabled`);
  }
}
