import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { effectiveLanguage, type Language } from '@lib/common';
import { modifyRows, selectFirst, selectOne } from '@lib/database';
import { InvitationEntity } from '../entities/invitation.entity';
import type { TokenKey } from './tokens';

/** Who an invitation goes to (or went to), with their organisation's name for the mail. */
export interface Invitee {
  email: string;
  name: string;
  organizationName: string;
  hasLogin: boolean;
  /** The invitee's language (their own, else the organisation's): the invitation is written in it. */
  language: Language;
}

/** An invitee as selected (`org` is the organisation's name). */
interface InviteeRow {
  email: string;
  name: string;
  org: string;
  has_login: boolean;
  language: string | null;
  org_language: string;
}

/**
 * Invitation links (stored as hashes). A link is found by its hash alone (that is all the mail
 * carries, with the organisation); everything else is scoped by organisation.
 */
@Injectable()
export class InvitationsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(InvitationEntity) private readonly invitations: Repository<InvitationEntity>,
  ) {}

  /**
   * An active person about to be invited, locked (FOR UPDATE OF the person), so that a password
   * set meanwhile (an invitation accepted) is seen before the caller commits.
   */
  async lockInvitee(tx: EntityManager, organizationId: string, personId: string): Promise<Invitee | null> {
    const r = await selectFirst<InviteeRow>(
      tx,
      `SELECT p.email, p.name, o.name AS org, p.password_hash IS NOT NULL AS has_login, p.language, o.language AS org_language
         FROM people p JOIN organizations o ON o.id = p.organization_id
        WHERE p.organization_id = $1 AND p.id = $2 AND p.active FOR UPDATE OF p`,
      [organizationId, personId],
    );
    return r ? { email: r.email, name: r.name, organizationName: r.org, hasLogin: r.has_login, language: effectiveLanguage(r.language, r.org_language) } : null;
  }

  /** A new link for a person; the links still pending before it stop working. Returns when it expires. */
  async issue(
    tx: EntityManager,
    invitation: { organizationId: string; personId: string; tokenHash: Buffer; createdBy: string | null },
    days: number,
  ): Promise<Date> {
    await tx
      .getRepository(InvitationEntity)
      .update({ organizationId: invitation.organizationId, personId: invitation.personId, usedAt: IsNull() }, { expiresAt: () => 'now()' });
    const row = await selectOne<{ expires_at: Date }>(
      tx,
      `INSERT INTO invitations (organization_id, person_id, token_hash, created_by, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING expires_at`,
      [invitation.organizationId, invitation.personId, invitation.tokenHash, invitation.createdBy, days],
    );
    return new Date(row.expires_at);
  }

  /** The invitee of a link that still works, of a person still active. */
  async describe(link: TokenKey): Promise<Invitee | null> {
    const r = await selectFirst<InviteeRow>(
      this.db,
      `SELECT p.name, p.email, o.name AS org, p.password_hash IS NOT NULL AS has_login, p.language, o.language AS org_language FROM invitations i
         JOIN people p ON p.organization_id = i.organization_id AND p.id = i.person_id
         JOIN organizations o ON o.id = i.organization_id
        WHERE i.organization_id = $1 AND i.token_hash = $2 AND i.used_at IS NULL AND i.expires_at > now() AND p.active`,
      [link.organizationId, link.hash],
    );
    return r ? { email: r.email, name: r.name, organizationName: r.org, hasLogin: r.has_login, language: effectiveLanguage(r.language, r.org_language) } : null;
  }

  /** Marks a working link used, in one statement, so that it cannot be used twice. */
  async consume(tx: EntityManager, link: TokenKey): Promise<{ organizationId: string; personId: string } | null> {
    const {
      rows: [used],
    } = await modifyRows<{ organization_id: string; person_id: string }>(
      tx,
      `UPDATE invitations SET used_at = now() WHERE organization_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now()
       RETURNING organization_id, person_id`,
      [link.organizationId, link.hash],
    );
    return used ? { organizationId: used.organization_id, personId: used.person_id } : null;
  }
}
