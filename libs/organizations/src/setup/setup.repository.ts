import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { selectFirst } from '@lib/database';

/**
 * The instance's first-run state (one row). Instance-wide on purpose: it exists before any
 * organisation does.
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
}
