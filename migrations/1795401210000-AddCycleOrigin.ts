import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a cycle comes from: HR's (`hr`, every cycle so far), a small 360 a person starts on
 * themselves (`self`), or a follow-up pulse of an earlier cycle (`pulse`). A self-started cycle
 * and a pulse belong to their owner, the person asking; a pulse points at the cycle it follows.
 * HR sees only that such a cycle happened, never its answers or reports (reports/access/report-access.ts).
 */
export class AddCycleOrigin1795401210000 implements MigrationInterface {
  name = 'AddCycleOrigin1795401210000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cycles
        ADD COLUMN origin text NOT NULL DEFAULT 'hr',
        ADD COLUMN owner_id uuid,
        ADD COLUMN parent_cycle_id uuid,
        ADD CONSTRAINT cycles_origin_ck CHECK (origin IN ('hr', 'self', 'pulse')),
        ADD CONSTRAINT cycles_owner_id_ck CHECK ((origin = 'hr') = (owner_id IS NULL)),
        ADD CONSTRAINT cycles_parent_cycle_id_ck CHECK ((origin = 'pulse') = (parent_cycle_id IS NOT NULL)),
        ADD CONSTRAINT cycles_organization_id_owner_id_fk FOREIGN KEY (organization_id, owner_id) REFERENCES people (organization_id, id),
        ADD CONSTRAINT cycles_organization_id_parent_cycle_id_fk FOREIGN KEY (organization_id, parent_cycle_id) REFERENCES cycles (organization_id, id)`);
    await q.query(`CREATE INDEX cycles_organization_id_owner_id_idx ON cycles (organization_id, owner_id) WHERE owner_id IS NOT NULL`);
    await q.query(`CREATE INDEX cycles_organization_id_parent_cycle_id_idx ON cycles (organization_id, parent_cycle_id) WHERE parent_cycle_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cycles_organization_id_parent_cycle_id_idx`);
    await q.query(`DROP INDEX cycles_organization_id_owner_id_idx`);
    await q.query(`
      ALTER TABLE cycles
        DROP CONSTRAINT cycles_organization_id_parent_cycle_id_fk,
        DROP CONSTRAINT cycles_organization_id_owner_id_fk,
        DROP CONSTRAINT cycles_parent_cycle_id_ck,
        DROP CONSTRAINT cycles_owner_id_ck,
        DROP CONSTRAINT cycles_origin_ck,
        DROP COLUMN parent_cycle_id,
        DROP COLUMN owner_id,
        DROP COLUMN origin`);
  }
}
