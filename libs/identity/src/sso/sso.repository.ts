import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '@lib/common';
import { execute, modifyRows, selectFirst, selectRows, type SqlRunner } from '@lib/database';
import type { TokenKey } from '../auth/tokens';

/** An organisation's identity provider as stored (the client secret still sealed). */
export interface StoredProvider {
  organizationId: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecretSealed: string;
  allowedDomains: string[];
  jitEnabled: boolean;
  ssoOnly: boolean;
  breakGlassPersonId: string | null;
  lastTest: StoredTestOutcome | null;
}

export interface StoredTestOutcome {
  ok: boolean;
  code: string;
  message: string;
  email: string | null;
  at: string;
}

export type ProviderFields = Omit<StoredProvider, 'organizationId' | 'lastTest'>;

export type LoginPurpose = 'sign_in' | 'test';

export interface StoredLogin {
  purpose: LoginPurpose;
  state: string;
  nonce: string;
  codeVerifier: string;
  requestedBy: string | null;
}

/** A person a provider's answer may sign in as. */
export interface SsoPerson {
  personId: string;
  role: Role;
  active: boolean;
}

interface ProviderRow {
  organization_id: string;
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  allowed_domains: string[];
  jit_enabled: boolean;
  sso_only: boolean;
  break_glass_person_id: string | null;
  last_test: StoredTestOutcome | null;
}

const PROVIDER_COLUMNS = `organization_id, display_name, issuer, client_id, client_secret_sealed, allowed_domains, jit_enabled, sso_only, break_glass_person_id, last_test`;

const providerOf = (r: ProviderRow): StoredProvider => ({
  organizationId: r.organization_id,
  displayName: r.display_name,
  issuer: r.issuer,
  clientId: r.client_id,
  clientSecretSealed: r.client_secret_sealed,
  allowedDomains: r.allowed_domains,
  jitEnabled: r.jit_enabled,
  ssoOnly: r.sso_only,
  breakGlassPersonId: r.break_glass_person_id,
  lastTest: r.last_test,
});

/** Single sign-on's tables: providers, linked subjects, and sign-ins under way. Organisation first everywhere. */
@Injectable()
export class SsoRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async provider(organizationId: string, tx?: EntityManager, forUpdate = false): Promise<StoredProvider | null> {
    const row = await selectFirst<ProviderRow>(
      tx ?? this.db,
      `SELECT ${PROVIDER_COLUMNS} FROM sso_providers WHERE organization_id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [organizationId],
    );
    return row ? providerOf(row) : null;
  }

  /** `resetTest`: the connection changed, so the last test sign-in no longer says anything about it. */
  async saveProvider(organizationId: string, fields: ProviderFields, tx: EntityManager, resetTest: boolean): Promise<void> {
    await execute(
      tx,
      `INSERT INTO sso_providers (organization_id, display_name, issuer, client_id, client_secret_sealed, allowed_domains, jit_enabled, sso_only, break_glass_person_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (organization_id) DO UPDATE SET display_name = $2, issuer = $3, client_id = $4, client_secret_sealed = $5, allowed_domains = $6,
         jit_enabled = $7, sso_only = $8, break_glass_person_id = $9, updated_at = now(),
         last_test = CASE WHEN $10 THEN NULL ELSE sso_providers.last_test END`,
      [
        organizationId,
        fields.displayName,
        fields.issuer,
        fields.clientId,
        fields.clientSecretSealed,
        fields.allowedDomains,
        fields.jitEnabled,
        fields.ssoOnly,
        fields.breakGlassPersonId,
        resetTest,
      ],
    );
  }

  async slugOf(organizationId: string): Promise<string | null> {
    const row = await selectFirst<{ slug: string }>(this.db, `SELECT slug FROM organizations WHERE id = $1`, [organizationId]);
    return row?.slug ?? null;
  }

  /** A person created at their first sign-in (no password: they sign in through the provider); null when the address is taken meanwhile. */
  async insertPerson(organizationId: string, email: string, name: string, tx: EntityManager): Promise<string | null> {
    const row = await selectFirst<{ id: string }>(
      tx,
      `INSERT INTO people (organization_id, email, name, role) VALUES ($1, $2, $3, 'member')
       ON CONFLICT (organization_id, email) DO NOTHING RETURNING id`,
      [organizationId, email, name],
    );
    return row?.id ?? null;
  }

  async deleteProvider(organizationId: string, tx: EntityManager): Promise<boolean> {
    const { count } = await modifyRows(tx, `DELETE FROM sso_providers WHERE organization_id = $1`, [organizationId]);
    return count > 0;
  }

  async saveTestOutcome(organizationId: string, outcome: StoredTestOutcome): Promise<void> {
    await execute(this.db, `UPDATE sso_providers SET last_test = $2 WHERE organization_id = $1`, [organizationId, JSON.stringify(outcome)]);
  }

  /**
   * The organisations whose provider accepts this email domain (at most two are read: more than one
   * is ambiguous). Across organisations by nature: run as system.
   */
  async organizationsForDomain(domain: string): Promise<{ organizationId: string; slug: string; displayName: string }[]> {
    const rows = await selectRows<{ organization_id: string; slug: string; display_name: string }>(
      this.db,
      `SELECT p.organization_id, o.slug, p.display_name
         FROM sso_providers p JOIN organizations o ON o.id = p.organization_id
        WHERE p.allowed_domains @> ARRAY[$1::text]
        ORDER BY p.organization_id LIMIT 2`,
      [domain],
    );
    return rows.map((r) => ({ organizationId: r.organization_id, slug: r.slug, displayName: r.display_name }));
  }

  /** The organisation of a sign-in address, with its provider's name when it has one. Across organisations: run as system. */
  async organizationBySlug(slug: string): Promise<{ organizationId: string; slug: string; displayName: string | null } | null> {
    const row = await selectFirst<{ id: string; slug: string; display_name: string | null }>(
      this.db,
      `SELECT o.id, o.slug, p.display_name FROM organizations o LEFT JOIN sso_providers p ON p.organization_id = o.id WHERE o.slug = $1`,
      [slug],
    );
    return row ? { organizationId: row.id, slug: row.slug, displayName: row.display_name } : null;
  }

  async insertLogin(organizationId: string, token: TokenKey, login: StoredLogin, ttlSeconds: number): Promise<void> {
    await execute(
      this.db,
      `INSERT INTO sso_logins (organization_id, token_hash, purpose, state, nonce, code_verifier, requested_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8))`,
      [organizationId, token.hash, login.purpose, login.state, login.nonce, login.codeVerifier, login.requestedBy, ttlSeconds],
    );
  }

  /** Uses a sign-in under way, once: null when it is unknown, used or expired. */
  async consumeLogin(token: TokenKey): Promise<StoredLogin | null> {
    const { rows } = await modifyRows<{ purpose: LoginPurpose; state: string; nonce: string; code_verifier: string; requested_by: string | null }>(
      this.db,
      `UPDATE sso_logins SET used_at = now()
        WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
        RETURNING purpose, state, nonce, code_verifier, requested_by`,
      [token.organizationId, token.hash],
    );
    const r = rows[0];
    return r ? { purpose: r.purpose, state: r.state, nonce: r.nonce, codeVerifier: r.code_verifier, requestedBy: r.requested_by } : null;
  }

  /** Sign-ins finished or expired: they can never be used again (a replayed callback finds nothing, and is refused alike). */
  async deleteStaleLogins(organizationId: string): Promise<void> {
    await execute(this.db, `DELETE FROM sso_logins WHERE organization_id = $1 AND (expires_at <= now() OR used_at IS NOT NULL)`, [organizationId]);
  }

  async personBySubject(organizationId: string, issuer: string, subject: string): Promise<SsoPerson | null> {
    const row = await selectFirst<{ id: string; role: Role; active: boolean }>(
      this.db,
      `SELECT p.id, p.role, p.active FROM sso_identities i JOIN people p ON p.organization_id = i.organization_id AND p.id = i.person_id
        WHERE i.organization_id = $1 AND i.issuer = $2 AND i.subject = $3`,
      [organizationId, issuer, subject],
    );
    return row ? { personId: row.id, role: row.role, active: row.active } : null;
  }

  /**
   * The person of an address, with what they already sign in with: a password, and the provider
   * identity they were linked to (of this issuer or an earlier one).
   */
  async personByEmail(organizationId: string, email: string, runner?: SqlRunner): Promise<(SsoPerson & { hasPassword: boolean; linked: boolean }) | null> {
    const row = await selectFirst<{ id: string; role: Role; active: boolean; has_password: boolean; linked: boolean }>(
      runner ?? this.db,
      `SELECT p.id, p.role, p.active, p.password_hash IS NOT NULL AS has_password, i.subject IS NOT NULL AS linked FROM people p
         LEFT JOIN sso_identities i ON i.organization_id = p.organization_id AND i.person_id = p.id
        WHERE p.organization_id = $1 AND p.email = $2`,
      [organizationId, email],
    );
    return row ? { personId: row.id, role: row.role, active: row.active, hasPassword: row.has_password, linked: row.linked } : null;
  }

  /** The person's address, name and language, for a mail to them; null when they are gone or deactivated. */
  async activeRecipient(
    organizationId: string,
    personId: string,
    runner?: SqlRunner,
  ): Promise<{ email: string; name: string; role: Role; language: string | null; organizationName: string; organizationLanguage: string } | null> {
    const row = await selectFirst<{ email: string; name: string; role: Role; language: string | null; org: string; org_language: string }>(
      runner ?? this.db,
      `SELECT p.email, p.name, p.role, p.language, o.name AS org, o.language AS org_language
         FROM people p JOIN organizations o ON o.id = p.organization_id
        WHERE p.organization_id = $1 AND p.id = $2 AND p.active`,
      [organizationId, personId],
    );
    return row
      ? { email: row.email, name: row.name, role: row.role, language: row.language, organizationName: row.org, organizationLanguage: row.org_language }
      : null;
  }

  /** Replaces the person's link to a provider identity (one per person: the earlier one, of any issuer, goes). */
  async link(organizationId: string, personId: string, issuer: string, subject: string, tx: EntityManager): Promise<void> {
    await execute(
      tx,
      `INSERT INTO sso_identities (organization_id, person_id, issuer, subject) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id, person_id) DO UPDATE SET issuer = $3, subject = $4, created_at = now()`,
      [organizationId, personId, issuer, subject],
    );
  }

  /**
   * A new confirmation link for linking the person to this provider identity, stored as the hash
   * of its token and the hash of the nonce the starting browser holds; the person's earlier links
   * stop working (they are deleted).
   */
  async issueLinkConfirmation(
    tx: EntityManager,
    organizationId: string,
    personId: string,
    identity: { issuer: string; subject: string },
    hashes: { token: Buffer; browser: Buffer },
    minutes: number,
  ): Promise<void> {
    await execute(tx, `DELETE FROM sso_link_confirmations WHERE organization_id = $1 AND person_id = $2`, [organizationId, personId]);
    await execute(
      tx,
      `INSERT INTO sso_link_confirmations (organization_id, person_id, issuer, subject, token_hash, browser_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
      [organizationId, personId, identity.issuer, identity.subject, hashes.token, hashes.browser, minutes],
    );
  }

  /** Forgets a confirmation link whose mail could not be sent (nobody holds its token). */
  async dropLinkConfirmation(organizationId: string, tokenHash: Buffer): Promise<void> {
    await execute(this.db, `DELETE FROM sso_link_confirmations WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL`, [
      organizationId,
      tokenHash,
    ]);
  }

  /**
   * Uses a confirmation link, once, from the browser that started its sign-in (the hash of that
   * browser's nonce, or null when it has none): who and which provider identity it links. Null with
   * `pending` when the link is live but this is another browser (it stays usable until it expires),
   * null without when it is unknown, used or expired.
   */
  async consumeLinkConfirmation(
    tx: EntityManager,
    token: TokenKey,
    browserHash: Buffer | null,
  ): Promise<{ personId: string; issuer: string; subject: string } | { pending: boolean }> {
    const {
      rows: [r],
    } = await modifyRows<{ person_id: string; issuer: string; subject: string }>(
      tx,
      `UPDATE sso_link_confirmations SET used_at = now()
        WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now() AND browser_hash = $3
       RETURNING person_id, issuer, subject`,
      [token.organizationId, token.hash, browserHash],
    );
    if (r) return { personId: r.person_id, issuer: r.issuer, subject: r.subject };
    const live = await selectFirst<{ person_id: string }>(
      tx,
      `SELECT person_id FROM sso_link_confirmations
        WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()`,
      [token.organizationId, token.hash],
    );
    return { pending: live !== undefined };
  }

  /** Ends a confirmation link unused, from any browser (the person did not ask for it): whose it was, or null when it is unknown, used or expired. */
  async cancelLinkConfirmation(tx: EntityManager, token: TokenKey): Promise<{ personId: string; issuer: string } | null> {
    const {
      rows: [r],
    } = await modifyRows<{ person_id: string; issuer: string }>(
      tx,
      `UPDATE sso_link_confirmations SET used_at = now()
        WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING person_id, issuer`,
      [token.organizationId, token.hash],
    );
    return r ? { personId: r.person_id, issuer: r.issuer } : null;
  }

  /** Who a provider identity is linked to, read in a transaction (a confirmation must not take a subject already someone else's). */
  async subjectOwner(organizationId: string, issuer: string, subject: string, tx: EntityManager): Promise<string | null> {
    const row = await selectFirst<{ person_id: string }>(
      tx,
      `SELECT person_id FROM sso_identities WHERE organization_id = $1 AND issuer = $2 AND subject = $3`,
      [organizationId, issuer, subject],
    );
    return row?.person_id ?? null;
  }

  async isActiveAdmin(organizationId: string, personId: string, tx: EntityManager): Promise<boolean> {
    const row = await selectFirst<{ ok: boolean }>(tx, `SELECT true AS ok FROM people WHERE organization_id = $1 AND id = $2 AND active AND role = 'admin'`, [
      organizationId,
      personId,
    ]);
    return row !== undefined;
  }

  /** Whether people of the organisation may sign in with a password, and who is excepted. */
  async passwordPolicy(organizationId: string): Promise<{ ssoOnly: boolean; breakGlassPersonId: string | null; displayName: string } | null> {
    const row = await selectFirst<{ sso_only: boolean; break_glass_person_id: string | null; display_name: string }>(
      this.db,
      `SELECT sso_only, break_glass_person_id, display_name FROM sso_providers WHERE organization_id = $1`,
      [organizationId],
    );
    return row ? { ssoOnly: row.sso_only, breakGlassPersonId: row.break_glass_person_id, displayName: row.display_name } : null;
  }
}
