import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import { Actor, APP_CONFIG, AppConfig, AppException, ErrorKind, openSecret, sealSecret, secretKeyOf, type FieldError } from '@lib/common';
import { enterOrganization, PostgresRateLimitStore, RateLimiter, runAsSystem, type RateBudget, type RateRefusal } from '@lib/database';
import { newToken, presentedToken } from '../auth/tokens';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { authorizationUrl, discover, forgetDiscovery, issuerProblem, newPendingLogin, redeem, type VerifiedIdentity } from './oidc-client';
import type { SsoProviderLookupDto, SsoSettingsDto, UpdateSsoSettingsDto } from './sso.dto';
import { SsoLinkService } from './sso-link.service';
import { SsoProblem } from './sso-problem';
import { SsoRepository, type LoginPurpose, type StoredProvider, type StoredTestOutcome } from './sso.repository';

/** The fixed path the provider sends people back to (README, "Single sign-on"). */
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';
/** How long a started sign-in may take at the provider. */
export const SSO_LOGIN_TTL_SECONDS = 10 * 60;
/**
 * Starting a sign-in is public and stores a pending login, so it is rate-limited, in PostgreSQL
 * (every instance counts alike): per network, generously, so that an office behind one NAT address
 * can all sign in at nine; and per organisation, so that many networks together cannot fill its
 * table. Its expired pending logins are deleted as new ones start.
 */
export const SSO_START_PER_NETWORK: RateBudget = { scope: 'sso_start.ip', limit: 300, windowSeconds: 10 * 60 };
export const SSO_START_PER_ORGANIZATION: RateBudget = { scope: 'sso_start.organization', limit: 3000, windowSeconds: 10 * 60 };

/** Where a finished sign-in leads. */
export type SsoOutcome =
  | { kind: 'signed_in'; organizationId: string; personId: string; role: Actor['role'] }
  | { kind: 'confirmation_sent'; browserNonce: string | null }
  | { kind: 'tested' }
  | { kind: 'refused'; code: SsoProblem['code'] };

/**
 * Who the provider's answer is, in Ripple: linked before; found by email, to link now (an account
 * never used) or only once the person confirms from their own mailbox (an account in use:
 * SsoLinkService); or to create.
 */
type Match =
  | { kind: 'linked'; personId: string; role: Actor['role'] }
  | { kind: 'link'; personId: string; role: Actor['role'] }
  | { kind: 'confirm'; personId: string; email: string }
  | { kind: 'create'; email: string; name: string };

/**
 * Single sign-on with an organisation's OpenID Connect provider: HR's settings, the sign-in
 * (started here, finished at the callback), HR's test sign-in, and whether passwords still work.
 */
@Injectable()
export class SsoService {
  private readonly limiter: RateLimiter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sso: SsoRepository,
    private readonly audit: AuditService,
    private readonly links: SsoLinkService,
  ) {
    this.limiter = new RateLimiter(new PostgresRateLimitStore(db));
  }

  get redirectUri(): string {
    return new URL(SSO_CALLBACK_PATH, this.config.publicUrl).href;
  }

  async settings(actor: Actor): Promise<SsoSettingsDto> {
    const provider = await this.sso.provider(actor.organizationId);
    const slug = (await this.sso.slugOf(actor.organizationId)) ?? '';
    return {
      configured: provider !== null,
      redirectUri: this.redirectUri,
      signInUrl: new URL(`/login?organization=${encodeURIComponent(slug)}`, this.config.publicUrl).href,
      displayName: provider?.displayName ?? null,
      issuer: provider?.issuer ?? null,
      clientId: provider?.clientId ?? null,
      clientSecretSet: provider !== null,
      allowedDomains: provider?.allowedDomains ?? [],
      jitEnabled: provider?.jitEnabled ?? false,
      ssoOnly: provider?.ssoOnly ?? false,
      breakGlassPersonId: provider?.breakGlassPersonId ?? null,
      lastTest: provider?.lastTest ?? null,
    };
  }

  async save(actor: Actor, dto: UpdateSsoSettingsDto): Promise<SsoSettingsDto> {
    const errors: FieldError[] = [];
    const badIssuer = issuerProblem(dto.issuer);
    if (badIssuer) errors.push({ field: 'issuer', message: badIssuer });
    if (dto.allowedDomains.length === 0) errors.push({ field: 'allowedDomains', message: 'allowedDomains needs at least one email domain' });
    if (dto.ssoOnly && !dto.breakGlassPersonId) {
      errors.push({ field: 'breakGlassPersonId', message: 'SSO-only mode needs a break-glass admin who can still sign in with a password' });
    }
    if (errors.length) throw invalid(errors);
    const organizationId = actor.organizationId;
    await this.db.transaction(async (tx) => {
      const current = await this.sso.provider(organizationId, tx, true);
      if (!current && dto.clientSecret === undefined) throw invalid([{ field: 'clientSecret', message: 'clientSecret is required' }]);
      if (dto.breakGlassPersonId && !(await this.sso.isActiveAdmin(organizationId, dto.breakGlassPersonId, tx))) {
        throw invalid([{ field: 'breakGlassPersonId', message: 'breakGlassPersonId must be an active HR admin of your organisation' }]);
      }
      const allowedDomains = [...new Set(dto.allowedDomains)];
      const next = {
        displayName: dto.displayName,
        issuer: dto.issuer,
        clientId: dto.clientId,
        clientSecretSealed:
          dto.clientSecret !== undefined ? sealSecret(secretKeyOf(this.config), dto.clientSecret, organizationId) : current!.clientSecretSealed,
        allowedDomains,
        jitEnabled: dto.jitEnabled,
        ssoOnly: dto.ssoOnly,
        breakGlassPersonId: dto.breakGlassPersonId,
      };
      const connectionChanged = !current || current.issuer !== next.issuer || current.clientId !== next.clientId || dto.clientSecret !== undefined;
      // Subjects linked to an earlier issuer stay: they no longer sign anyone in (a subject is found
      // with its issuer), but they show the account is in use, so a new issuer's word is not enough
      // to link it (SsoLinkService).
      await this.sso.saveProvider(organizationId, next, tx, connectionChanged);
      const fields = (['displayName', 'issuer', 'clientId', 'allowedDomains', 'jitEnabled', 'ssoOnly', 'breakGlassPersonId'] as const).filter(
        (key) => !current || JSON.stringify(current[key]) !== JSON.stringify(next[key]),
      );
      await this.audit.record(
        actor,
        {
          action: current ? 'sso.updated' : 'sso.configured',
          targetType: 'organization',
          targetId: organizationId,
          details: { fields, clientSecretChanged: dto.clientSecret !== undefined, ssoOnly: next.ssoOnly, breakGlassPersonId: next.breakGlassPersonId },
        },
        tx,
      );
    });
    return this.settings(actor);
  }

  async remove(actor: Actor): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Linked subjects stay, as when the issuer changes: a provider added later must not link accounts in use on its word.
      if (!(await this.sso.deleteProvider(actor.organizationId, tx))) throw AppException.notFound('Single sign-on provider');
      await this.audit.record(actor, { action: 'sso.removed', targetType: 'organization', targetId: actor.organizationId }, tx);
    });
  }

  /** "Continue with <provider>" for an email's domain or an organisation's sign-in address; nothing when there is none or it is ambiguous. */
  async lookup(query: { email?: string; organization?: string }): Promise<SsoProviderLookupDto> {
    const none = { organization: null, displayName: null };
    if (query.organization) {
      // Before anyone is signed in, the organisation is known by its address alone: across organisations.
      const found = await runAsSystem(() => this.sso.organizationBySlug(query.organization!));
      return found?.displayName ? { organization: found.slug, displayName: found.displayName } : none;
    }
    const domain = query.email?.toLowerCase().split('@')[1];
    if (!domain) return none;
    const found = await runAsSystem(() => this.sso.organizationsForDomain(domain));
    return found.length === 1 ? { organization: found[0].slug, displayName: found[0].displayName } : none;
  }

  /** Starts signing in to the organisation of this sign-in address: the provider's URL and the browser's login token. */
  async start(slug: string, ip: string): Promise<{ authorizationUrl: string; token: string }> {
    throwIfRefused(await this.limiter.consume([SSO_START_PER_NETWORK, ip]));
    const found = await runAsSystem(() => this.sso.organizationBySlug(slug));
    if (!found?.displayName) throw new IdentityException(IdentityErrorCode.SsoNotConfigured, 'This organisation does not sign in with single sign-on');
    throwIfRefused(await this.limiter.consume([SSO_START_PER_ORGANIZATION, found.organizationId]));
    enterOrganization(found.organizationId);
    return this.begin(found.organizationId, 'sign_in', null);
  }

  /** HR's test sign-in: the real flow, reported to the settings page instead of signing in. */
  async startTest(actor: Actor): Promise<{ authorizationUrl: string; token: string }> {
    if (!(await this.sso.provider(actor.organizationId))) throw new IdentityException(IdentityErrorCode.SsoNotConfigured, 'Save the provider settings first');
    try {
      return await this.begin(actor.organizationId, 'test', actor.personId);
    } catch (error) {
      if (!(error instanceof IdentityException) || error.code !== (IdentityErrorCode.SsoProviderFailed as string)) throw error;
      await this.recordTest(actor.organizationId, actor.personId, { ok: false, code: String(error.details?.problem), message: error.message, email: null });
      throw error;
    }
  }

  private async begin(organizationId: string, purpose: LoginPurpose, requestedBy: string | null): Promise<{ authorizationUrl: string; token: string }> {
    const provider = await this.sso.provider(organizationId);
    if (!provider) throw new IdentityException(IdentityErrorCode.SsoNotConfigured, 'This organisation does not sign in with single sign-on');
    const login = newPendingLogin();
    let url: string;
    try {
      // HR's test always reads the provider's discovery document afresh (and refreshes it for everyone).
      url = await authorizationUrl(await discover(this.connectionOf(provider), { fresh: purpose === 'test' }), this.redirectUri, login);
    } catch (error) {
      if (!(error instanceof SsoProblem)) throw error;
      throw new IdentityException(IdentityErrorCode.SsoProviderFailed, error.message, { problem: error.code });
    }
    const { token } = newToken(organizationId);
    const key = presentedToken(token)!;
    await this.sso.deleteStaleLogins(organizationId);
    await this.sso.insertLogin(organizationId, key, { purpose, requestedBy, ...login }, SSO_LOGIN_TTL_SECONDS);
    return { authorizationUrl: url, token };
  }

  /**
   * The provider's redirect back: the login token from the browser's cookie (once), the state of
   * the redirect against it, then the code redeemed and the ID token verified, and the person found.
   */
  async finish(cookieToken: string | null, callbackUrl: URL): Promise<SsoOutcome> {
    const key = cookieToken ? presentedToken(cookieToken) : null;
    const login = key ? await this.sso.consumeLogin(key) : null;
    if (!key || !login || callbackUrl.searchParams.get('state') !== login.state) return { kind: 'refused', code: 'login_expired' };
    const organizationId = key.organizationId;
    const provider = await this.sso.provider(organizationId);
    if (!provider) return { kind: 'refused', code: 'not_configured' };
    const dryRun = login.purpose === 'test';
    let identity: VerifiedIdentity | null = null;
    try {
      identity = await this.redeem(provider, callbackUrl, login);
      const match = await this.match(provider, identity);
      if (dryRun) {
        const message =
          match.kind === 'create'
            ? `Signed in as ${identity.email}: the provider works. ${identity.email} has no account yet and would get one (just-in-time creation is on).`
            : match.kind === 'confirm'
              ? `Signed in as ${identity.email}: the provider works. ${identity.email} already signs in to Ripple, so its first sign-in through the provider mails a link to confirm.`
              : `Signed in as ${identity.email}: the provider works, and ${identity.email} is a Ripple account of your organisation.`;
        await this.recordTest(organizationId, login.requestedBy, { ok: true, code: 'signed_in', message, email: identity.email });
        return { kind: 'tested' };
      }
      if (match.kind === 'confirm') {
        const browserNonce = await this.links.requestConfirmation(
          provider,
          match.personId,
          { issuer: provider.issuer, subject: identity.subject },
          match.email,
        );
        return { kind: 'confirmation_sent', browserNonce };
      }
      return { kind: 'signed_in', organizationId, ...(await this.settle(organizationId, provider, identity, match)) };
    } catch (error) {
      if (!(error instanceof SsoProblem)) throw error;
      if (dryRun) {
        await this.recordTest(organizationId, login.requestedBy, {
          ok: false,
          code: error.code,
          message: error.message,
          email: error.email ?? identity?.email ?? null,
        });
        return { kind: 'tested' };
      }
      return { kind: 'refused', code: error.code };
    }
  }

  /**
   * Whether a person who proved their password may sign in with it: not in SSO-only mode, except
   * the break-glass admin, whose every such sign-in is audited.
   */
  async assertPasswordSignIn(who: { organizationId: string; personId: string }): Promise<void> {
    enterOrganization(who.organizationId);
    const policy = await this.sso.passwordPolicy(who.organizationId);
    if (!policy?.ssoOnly) return;
    if (policy.breakGlassPersonId !== who.personId) {
      throw new IdentityException(
        IdentityErrorCode.SsoRequired,
        `Your organisation signs in with ${policy.displayName}: use "Continue with ${policy.displayName}".`,
      );
    }
    await this.audit.record(who, { action: 'auth.break_glass_sign_in', targetType: 'person', targetId: who.personId });
  }

  /** The provider's answer, verified; a failure there also drops its cached discovery document, so the next sign-in reads it again. */
  private async redeem(provider: StoredProvider, callbackUrl: URL, login: Parameters<typeof redeem>[2]): Promise<VerifiedIdentity> {
    try {
      return await redeem(await discover(this.connectionOf(provider)), callbackUrl, login);
    } catch (error) {
      if (error instanceof SsoProblem) forgetDiscovery(provider.issuer);
      throw error;
    }
  }

  private async match(provider: StoredProvider, identity: VerifiedIdentity): Promise<Match> {
    const linked = await this.sso.personBySubject(provider.organizationId, provider.issuer, identity.subject);
    if (linked) {
      if (!linked.active) throw new SsoProblem('person_inactive', 'This Ripple account is deactivated.', identity.email);
      return { kind: 'linked', personId: linked.personId, role: linked.role };
    }
    const email = identity.email;
    if (!email) throw new SsoProblem('email_missing', 'The provider sent no email address: allow the "email" scope for Ripple\'s client.');
    if (!identity.emailVerified) throw new SsoProblem('email_unverified', `The provider has not verified the email address ${email}.`, email);
    const domain = email.split('@')[1] ?? '';
    if (!provider.allowedDomains.includes(domain)) {
      throw new SsoProblem('domain_not_allowed', `${email} is not in a domain your organisation accepts (${provider.allowedDomains.join(', ')}).`, email);
    }
    const person = await this.sso.personByEmail(provider.organizationId, email);
    if (person) {
      if (!person.active) throw new SsoProblem('person_inactive', `The Ripple account of ${email} is deactivated.`, email);
      // An account in use (a password, or a link to another provider identity) takes the person's own confirmation.
      if (person.hasPassword || person.linked) return { kind: 'confirm', personId: person.personId, email };
      return { kind: 'link', personId: person.personId, role: person.role };
    }
    if (!provider.jitEnabled) throw new SsoProblem('unknown_person', `No one in your organisation's Ripple uses ${email}. Ask HR to add you.`, email);
    return { kind: 'create', email, name: identity.name?.trim().slice(0, 200) || email.split('@')[0] };
  }

  /** Links the subject of a never-used account on its first sign-in (and tells the person), or creates the person (just in time), in one transaction. */
  private async settle(
    organizationId: string,
    provider: StoredProvider,
    identity: VerifiedIdentity,
    match: Exclude<Match, { kind: 'confirm' }>,
  ): Promise<{ personId: string; role: Actor['role'] }> {
    if (match.kind === 'linked') return { personId: match.personId, role: match.role };
    if (match.kind === 'link') {
      await this.db.transaction((tx) =>
        this.links.link(organizationId, match.personId, { issuer: provider.issuer, subject: identity.subject }, 'first_sign_in', tx),
      );
      await this.links.notify(organizationId, match.personId, provider.displayName);
      return { personId: match.personId, role: match.role };
    }
    return this.db.transaction(async (tx) => {
      const personId = await this.sso.insertPerson(organizationId, match.email, match.name, tx);
      // Another first sign-in of the same address won the race: this one starts again, and finds that person.
      if (!personId) throw new SsoProblem('login_expired', 'This address was just signed in elsewhere: start again.', match.email);
      await this.sso.link(organizationId, personId, provider.issuer, identity.subject, tx);
      await this.audit.record(
        { organizationId, personId },
        { action: 'person.created', targetType: 'person', targetId: personId, details: { email: match.email, source: 'single sign-on' } },
        tx,
      );
      return { personId, role: 'member' as const };
    });
  }

  private async recordTest(organizationId: string, personId: string | null, outcome: Omit<StoredTestOutcome, 'at'>): Promise<void> {
    await this.sso.saveTestOutcome(organizationId, { ...outcome, at: new Date().toISOString() });
    await this.audit.record(
      { organizationId, personId },
      { action: 'sso.tested', targetType: 'organization', targetId: organizationId, details: { ok: outcome.ok, code: outcome.code } },
    );
  }

  private connectionOf(provider: StoredProvider): { issuer: string; clientId: string; clientSecret: string } {
    let clientSecret: string;
    try {
      clientSecret = openSecret(secretKeyOf(this.config), provider.clientSecretSealed, provider.organizationId);
    } catch {
      throw new SsoProblem(
        'secret_unreadable',
        "The stored client secret cannot be read with this server's RIPPLE_SECRET_KEY (the key changed): enter the client secret again.",
      );
    }
    return {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret,
    };
  }
}

function throwIfRefused(refusal: RateRefusal | null): void {
  if (!refusal) return;
  const minutes = Math.ceil(refusal.retryAfterSeconds / 60);
  const where = refusal.scope === SSO_START_PER_NETWORK.scope ? 'from your network' : 'for your organisation';
  throw new IdentityException(
    IdentityErrorCode.TooManyAttempts,
    `Too many sign-ins were started ${where}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    { retryAfterSeconds: refusal.retryAfterSeconds },
  );
}

const invalid = (errors: FieldError[]): AppException =>
  new AppException(ErrorKind.Validation, 'validation_failed', errors.map((e) => e.message).join('; '), { errors });
