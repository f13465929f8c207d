import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectFirst, selectOne } from '@lib/database';

export const SETUP_WINDOW_MINUTES = 15;

/**
 * The instance's first-run state (one row) and the failed set-up attempts. Instance-wide on
 * purpose: they exist before any organisation does.
 */
@Injectable()
export class SetupRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Replaces the code of a set-up still pending (a restart prints a new one). */
  async storeCode(codeHash: Buffer): Promise<void> {
    await this.db.query(
      `INSERT INTO instance_setup (id, code_hash) VALUES (true, $1)
       ON CONFLICT (id) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_at = now() WHERE instance_setup.completed_at IS NULL`,
      [codeHash],
    );
  }

  async codeHash(tx: EntityManager): Promise<Buffer | null> {
    const row = await selectFirst<{ code_hash: Buffer }>(tx, `SELECT code_hash FROM instance_setup WHERE id AND completed_at IS NULL`);
    return row?.code_hash ?? null;
  }

  async complete(tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE instance_setup SET completed_at = now() WHERE id AND completed_at IS NULL`);
  }

  async recentFailures(ip: string): Promise<number> {
    const row = await selectOne<{ failures: number }>(
      this.db,
      `SELECT count(*)::int AS failures FROM setup_attempts WHERE ip = $1 AND created_at > now() - make_interval(mins => $2)`,
      [ip, SETUP_WINDOW_MINUTES],
    );
    return row.failures;
  }

  async recordFailure(ip: string): Promise<void> {
    await this.db.query(`INSERT INTO setup_attempts (ip) VALUES ($1)`, [ip]);
  }
}
