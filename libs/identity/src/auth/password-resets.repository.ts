import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { modifyRows, selectFirst, selectRows } from '@lib/database';
import { stillWorking } from '../entities/pending-link';
import { PasswordResetTokenEntity } from '../entities/password-reset-token.entity';
import type { TokenKey } from './tokens';

export interface ResetAccount {
  organizationId: string;
  personId: string;
  email: string;
  name: string;
  organizationName: string;
  /** The person's language (their own, else the organisation's): the mail is written in it. */
  language: Language;
}

/**
 * Reset links (stored as hashes). A link is found by its hash alone (that is all the mail carries); everything else is scoped by organisation.
 */
@Injectable()
export class PasswordResetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The accounts an address may recover: active people with a password. An address may exist in
   * several organisations (as at sign-in); a person without a password is HR's to invite.
   */
  async accountsWithLogin(email: string): Promise<ResetAccount[]> {
    const rows = await selectRows<{
      organization_id: string;
      id: string;
      email: string;
      name: string;
      org: string;
      language: string | null;
      org_language: string;
    }>(
      this.db,
      `SELECT p.organization_id, p.id, p.email, p.name, o.name AS org, p.language, o.language AS org_language
         FROM people p JOIN organizations o ON o.id = p.organization_id
        WHERE p.email = $1 AND p.active AND p.password_hash IS NOT NULL
        ORDER BY p.created_at LIMIT 5`,
      [email],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      personId: r.id,
      email: r.email,
      name: r.name,
      organizationName: r.org,
      language: effectiveLanguage(r.language, r.org_language),
    }));
  }

  /** A new link for a person; the links mailed before it stop working. */
  async issue(tx: EntityManager, organizationId: string, personId: string, tokenHash: Buffer, ip: string, minutes: number): Promise<void> {
    await tx.getRepository(PasswordResetTokenEntity).update({ organizationId, personId, ...stillWorking() }, { expiresAt: () => 'now()' });
    await tx.query(
      `INSERT INTO password_reset_tokens (organization_id, person_id, token_hash, requested_ip, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [organizationId, personId, tokenHash, ip, minutes],
    );
  }

  /** The account of a link that still works. */
  async describe(link: TokenKey): Promise<Omit<ResetAccount, 'language'> | null> {
    const r = await selectFirst<{ organization_id: string; person_id: string; email: string; name: string; org: string }>(
      this.db,
      `SELECT t.organization_id, t.person_id, p.email, p.name, o.name AS org
         FROM password_reset_tokens t
         JOIN people p ON p.organization_id = t.organization_id AND p.id = t.person_id
         JOIN organizations o ON o.id = t.organization_id
        WHERE t.organization_id = $1 AND t.token_hash = $2 AND t.used_at IS NULL AND t.expires_at > now() AND p.active`,
      [link.organizationId, link.hash],
    );
    return r ? { organizationId: r.organization_id, personId: r.person_id, email: r.email, name: r.name, organizationName: r.org } : null;
  }

  /** Marks a working link used, in one statement, so that it cannot be used twice. */
  async consume(tx: EntityManager, link: TokenKey): Promise<{ organizationId: string; personId: string } | null> {
    const {
      rows: [used],
    } = await modifyRows<{ organization_id: string; person_id: string }>(
      tx,
      `UPDATE password_reset_tokens SET used_at = now()
        WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING organization_id, person_id`,
      [link.organizationId, link.hash],
    );
    return used ? { organizationId: used.organization_id, personId: used.person_id } : null;
  }
}
