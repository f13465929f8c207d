import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@lib/audit';
import { type Actor, APP_CONFIG, AppConfig, effectiveLanguage, translator } from '@lib/common';
import { MailService } from '@lib/notifications';
import { escapeHtml } from '../auth/invitation.service';
import { newToken, presentedToken } from '../auth/tokens';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { SsoProblem } from './sso-problem';
import { SsoRepository, type StoredProvider } from './sso.repository';

/** How long a mailed confirmation link works. */
export const SSO_LINK_MINUTES = 30;

/** A provider identity, as the provider's ID token names it. */
interface ProviderIdentity {
  issuer: string;
  subject: string;
}

/** The nonce a browser holds for the sign-in it started: random, 32 bytes; the table keeps its SHA-256. */
const NONCE = /^[A-Za-z0-9_-]{43}$/;
const hashNonce = (nonce: string): Buffer => createHash('sha256').update(nonce).digest();

const invalid = (): IdentityException =>
  new IdentityException(IdentityErrorCode.SsoLinkInvalid, 'This link is invalid, already used or expired. Sign in with single sign-on again for a new one.');

/**
 * Linking a Ripple account to a provider identity. Whoever configures single sign-on (HR) chooses
 * the provider, and so could make it vouch for any address: the provider's word is enough only for
 * an account never used (no password, never linked), which its invitation made the person's. An
 * account already in use is linked only with the person's own proof: a single-use link mailed to
 * the address on file, bound to the provider identity of the sign-in that asked and to the browser
 * that started it (a nonce in a cookie): the person opening a link somebody else's sign-in asked
 * for links nothing, and can cancel it. Every link made is audited and told to the person.
 */
@Injectable()
export class SsoLinkService {
  private readonly logger = new Logger(SsoLinkService.name);

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

  /**
   * Mails the person a link that links their account to this provider identity (the earlier links
   * stop working). Returns the nonce for the browser that started the sign-in (its cookie), or null
   * when the person is no longer active (nothing was sent). A mail that cannot be sent refuses the
   * sign-in (`confirmation_mail_failed`) and leaves no link behind.
   */
  async requestConfirmation(provider: StoredProvider, personId: string, identity: ProviderIdentity, email: string): Promise<string | null> {
    const organizationId = provider.organizationId;
    const { token, hash } = newToken(organizationId);
    const nonce = randomBytes(32).toString('base64url');
    const to = await this.db.transaction(async (tx) => {
      const person = await this.sso.activeRecipient(organizationId, personId, tx);
      if (!person) return null;
      await this.sso.issueLinkConfirmation(tx, organizationId, personId, identity, { token: hash, browser: hashNonce(nonce) }, SSO_LINK_MINUTES);
      await this.audit.record(
        { organizationId, personId: null },
        { action: 'sso.link_requested', targetType: 'person', targetId: personId, details: { issuer: identity.issuer } },
        tx,
      );
      return person;
    });
    if (!to) return null;
    const t = translator(effectiveLanguage(to.language, to.organizationLanguage));
    // The secret rides in the `token` query parameter, the one every view of mail redacts.
    const link = `${this.config.publicUrl}/sso-link?token=${token}`;
    const provided = { provider: provider.displayName };
    const hello = t.t('mail.hello', { name: to.name });
    const warning = t.t('mail.ssoLink.confirm.warning', provided);
    const asked = t.t('mail.ssoLink.confirm.asked', { ...provided, email, organization: to.organizationName });
    const open = t.t('mail.ssoLink.confirm.open');
    const last = `${t.t('mail.ssoLink.confirm.expiry', { minutes: SSO_LINK_MINUTES })} ${t.t('mail.ssoLink.confirm.ignore', provided)}`;
    try {
      await this.mail.send({
        organizationId,
        to: to.email,
        subject: t.t('mail.ssoLink.confirm.subject', provided),
        text: `${hello}\n\n${warning}\n\n${asked} ${open}\n\n${link}\n\n${last}`,
        html: `<p>${escapeHtml(hello)}</p><p><strong>${escapeHtml(warning)}</strong></p><p>${escapeHtml(asked)} ${escapeHtml(open)}</p><p><a href="${link}">${escapeHtml(t.t('mail.ssoLink.confirm.link', provided))}</a></p><p>${escapeHtml(last)}</p>`,
      });
    } catch (error) {
      // Over SMTP the send is the last step of the sign-in: the server refusing it is the world's state, not a 5xx.
      this.logger.warn({ err: error, organizationId }, 'the single sign-on confirmation mail could not be sent');
      await this.sso.dropLinkConfirmation(organizationId, hash);
      throw new SsoProblem(
        'confirmation_mail_failed',
        'Ripple could not send the mail to confirm this sign-in. Try again in a moment; if it keeps happening, tell HR.',
        email,
      );
    }
    return nonce;
  }

  /**
   * Uses a mailed link, from the browser that started the sign-in (`browserNonce`, its cookie):
   * links the account to the provider identity the link was made for, in one transaction, while the
   * organisation's provider still has that issuer, the person is active and nobody else holds that
   * identity. Returns who to sign in. Another browser is refused and the link stays as it was (it
   * still expires, and can be cancelled).
   */
  async confirm(rawToken: string, browserNonce: string | null): Promise<{ organizationId: string; personId: string; role: Actor['role'] }> {
    const key = presentedToken(rawToken);
    if (!key) throw invalid();
    const organizationId = key.organizationId;
    const browserHash = browserNonce !== null && NONCE.test(browserNonce) ? hashNonce(browserNonce) : null;
    const done = await this.db.transaction(async (tx) => {
      const used = await this.sso.consumeLinkConfirmation(tx, key, browserHash);
      if ('pending' in used) {
        if (!used.pending) throw invalid();
        throw new IdentityException(
          IdentityErrorCode.SsoLinkOtherBrowser,
          'Open this link in the browser where you started signing in. If you did not try to sign in, cancel it and tell your IT security team.',
        );
      }
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

  /** "I did not try to sign in": ends the mailed link unused, from any browser (the token is the person's proof), and audits it. */
  async cancel(rawToken: string): Promise<void> {
    const key = presentedToken(rawToken);
    if (!key) throw invalid();
    const organizationId = key.organizationId;
    await this.db.transaction(async (tx) => {
      const ended = await this.sso.cancelLinkConfirmation(tx, key);
      if (!ended) throw invalid();
      await this.audit.record(
        { organizationId, personId: ended.personId },
        { action: 'sso.link_cancelled', targetType: 'person', targetId: ended.personId, details: { issuer: ended.issuer } },
        tx,
      );
    });
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
