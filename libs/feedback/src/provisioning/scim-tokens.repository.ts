import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { modifyRows, selectOne, selectRows } from '@lib/database';
import type { TokenKey } from '@lib/identity';

/** A token as HR's list shows it: never the token, which only its creator saw once. */
export interface ScimTokenRecord {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ScimTokenRow {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toRecord = (r: ScimTokenRow): ScimTokenRecord => ({
  id: r.id,
  name: r.name,
  createdAt: new Date(r.created_at),
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
});

/** The organisation's SCIM bearer tokens: only each token's SHA-256 is stored. */
@Injectable()
export class ScimTokensRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(organizationId: string, token: { name: string; hash: Buffer; createdBy: string }, tx: EntityManager): Promise<ScimTokenRecord> {
    const row = await selectOne<ScimTokenRow>(
      tx,
      `INSERT INTO scim_tokens (organization_id, name, token_hash, created_by) VALUES ($1, $2, $3, $4)
       RETURNING id, name, created_at, last_used_at, revoked_at`,
      [organizationId, token.name, token.hash, token.createdBy],
    );
    return toRecord(row);
  }

  /** Newest first: live tokens, then revoked ones (kept so the audit trail's ids keep a name). */
  async list(organizationId: string): Promise<ScimTokenRecord[]> {
    const rows = await selectRows<ScimTokenRow>(
      this.db,
      `SELECT id, name, created_at, last_used_at, revoked_at FROM scim_tokens WHERE organization_id = $1
        ORDER BY revoked_at IS NOT NULL, created_at DESC, id`,
      [organizationId],
    );
    return rows.map(toRecord);
  }

  /** Revokes a live token; null when there is none with this id in the organisation (or it was already revoked). */
  async revoke(organizationId: string, id: string, tx: EntityManager): Promise<ScimTokenRecord | null> {
    const { rows } = await modifyRows<ScimTokenRow>(
      tx,
      `UPDATE scim_tokens SET revoked_at = now() WHERE organization_id = $1 AND id = $2 AND revoked_at IS NULL
       RETURNING id, name, created_at, last_used_at, revoked_at`,
      [organizationId, id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The live token with this hash, marked as used now; null when there is none (unknown or revoked). */
  async use(key: TokenKey): Promise<{ id: string; name: string } | null> {
    const { rows } = await modifyRows<{ id: string; name: string }>(
      this.db,
      `UPDATE scim_tokens SET last_used_at = now() WHERE organization_id = $1 AND token_hash = $2 AND revoked_at IS NULL RETURNING id, name`,
      [key.organizationId, key.hash],
    );
    return rows[0] ?? null;
  }
}
