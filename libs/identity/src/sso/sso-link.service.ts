import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { type Actor, APP_CONFIG, AppConfig, effectiveLanguage, translator } from '@lib/common';
import { MailService } from '@lib/notifications';
import { escapeHtml } from '../auth/invitation.service';
import { newToken, presentedToken } from '../auth/tokens';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { SsoRepository, type StoredProvider } from './sso.repository';

/** How long a mailed confirmation link works. */
const SSO_LINK_MINUTES = 30;

/** A provider identity, as the provider's ID token names it. */
interface ProviderIdentity {
  issuer: string;
  subject: string;
}

const invalid = (): IdentityException =>
  new IdentityException(IdentityErrorCode.SsoLinkInvalid, 'This link is invalid, already used or expired. Sign in with single sign-on again for a new one.');

/**
 * Linking a Ripple account to a provider identity. Whoever configures single sign-on (HR) chooses
 * the provider, and so could make it vouch for any address: the provider's word is enough only for
 * an account never used (no password, never linked), which its invitation made the person's. An
 * account already in use is linked only with the person's own proof: a single-use link mailed to
 * the address on file, bound to the provider identity of the sign-in that asked. Every link made
 * is audited and told to the person.
 */
@Injectable()
export class SsoLinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sso: SsoRepository,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  /** Links in the caller's transaction (a never-used account, or a confirmed link) and audits it; `notify` after it commits. */
  async link(organizationId: string, personId: string, identity: ProviderIdentity, via: 'first_sign_in' | 'mailed_link', tx: EntityManager): Promise<void> {
    await this.sso.link(organizationId, personId, identity.issuer, identity.subject, tx);
    await this.audit.record(
      { organizationId, personId },
      { action: 'sso.linked', targetType: 'person', targetId: personId, details: { issuer: identity.issuer, via } },
      tx,
    );
  }

  /** Mails the person a link that links their account to this provider identity (the earlier links stop working). */
  async requestConfirmation(provider: StoredProvider, personId: string, identity: ProviderIdentity, email: string): Promise<void> {
    const organizationId = provider.organizationId;
    const { token, hash } = newToken(organizationId);
    const to = await this.db.transaction(async (tx) => {
      const person = await this.sso.activeRecipient(organizationId, personId, tx);
      if (!person) return null;
      await this.sso.issueLinkConfirmation(tx, organizationId, personId, identity, hash, SSO_LINK_MINUTES);
      await this.audit.record(
        { organizationId, personId: null },
        { action: 'sso.link_requested', targetType: 'person', targetId: personId, details: { issuer: identity.issuer } },
        tx,
      );
      return person;
    });
    if (!to) return;
    const t = translator(effectiveLanguage(to.language, to.organizationLanguage));
    // The secret rides in the `token` query parameter, the one every view of mail redacts.
    const link = `${this.config.publicUrl}/sso-link?token=${token}`;
    const provided = { provider: provider.displayName };
    const hello = t.t('mail.hello', { name: to.name });
    const asked = t.t('mail.ssoLink.confirm.asked', { ...provided, email, organization: to.organizationName });
    const open = t.t('mail.ssoLink.confirm.open');
    const last = `${t.t('mail.ssoLink.confirm.expiry', { minutes: SSO_LINK_MINUTES })} ${t.t('mail.ssoLink.confirm.ignore', provided)}`;
    await this.mail.send({
      organizationId,
      to: to.email,
      subject: t.t('mail.ssoLink.confirm.subject', provided),
      text: `${hello}\n\n${asked} ${open}\n\n${link}\n\n${last}`,
      html: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(asked)} ${escapeHtml(open)}</p><p><a href="${link}">${escapeHtml(t.t('mail.ssoLink.confirm.link', provided))}</a></p><p>${escapeHtml(last)}</p>`,
    });
  }

  /**
   * Uses a mailed link: links the account to the provider identity the link was made for, in one
   * transaction, while the organisation's provider still has that issuer, the person is active and
   * nobody else holds that identity. Returns who to sign in.
   */
  async confirm(rawToken: string): Promise<{ organizationId: string; personId: string; role: Actor['role'] }> {
    const key = presentedToken(rawToken);
    if (!key) throw invalid();
    const organizationId = key.organizationId;
    const done = await this.db.transaction(async (tx) => {
      const used = await this.sso.consumeLinkConfirmation(tx, key);
      if (!used) throw invalid();
      const provider = await this.sso.provider(organizationId, tx, true);
      if (!provider || provider.issuer !== used.issuer) throw invalid();
      const person = await this.sso.activeRecipient(organizationId, used.personId, tx);
      if (!person) throw invalid();
      const owner = await this.sso.subjectOwner(organizationId, used.issuer, used.subject, tx);
      if (owner !== null && owner !== used.personId) throw invalid();
      await this.link(organizationId, used.personId, used, 'mailed_link', tx);
      return { personId: used.personId, role: person.role, displayName: provider.displayName };
    });
    await this.notify(organizationId, done.personId, done.displayName);
    return { organizationId, personId: done.personId, role: done.role };
  }

  /** Tells the person their account now signs in through the provider (in case it was not them). */
  async notify(organizationId: string, personId: string, providerName: string): Promise<void> {
    const to = await this.sso.activeRecipient(organizationId, personId);
    if (!to) return;
    const t = translator(effectiveLanguage(to.language, to.organizationLanguage));
    const hello = t.t('mail.hello', { name: to.name });
    const text = t.t('mail.ssoLink.linked.text', { provider: providerName, organization: to.organizationName });
    await this.mail.send({
      organizationId,
      to: to.email,
      subject: t.t('mail.ssoLink.linked.subject', { provider: providerName }),
      text: `${hello}\n\n${text}`,
      html: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(text)}</p>`,
    });
  }
}
