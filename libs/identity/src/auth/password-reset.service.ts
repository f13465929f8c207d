import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lib/audit';
import { APP_CONFIG, AppConfig, translator, type Translator } from '@lib/common';
import { PostgresRateLimitStore, RateLimiter, runInOrganization } from '@lib/database';
import { JOB_NAMES, JobsService, type PasswordResetMailJobData } from '@lib/jobs';
import { MailService } from '@lib/notifications';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { CredentialsRepository } from './credentials.repository';
import { escapeHtml } from './invitation.service';
import { LoginThrottleService } from './login-throttle.service';
import { RESET_LINK_MINUTES, RESET_REQUESTS_PER_ADDRESS, RESET_REQUESTS_PER_NETWORK, resetRefusalMessage } from './password-reset-limits';
import { PasswordResetsRepository, type ResetAccount } from './password-resets.repository';
import { hashPassword } from './passwords';
import { SessionService } from './session.service';
import { newToken, presentedToken } from './tokens';

/** The one answer to every accepted request, whether or not the address belongs to anyone. */
export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we've sent it a link to choose a new password. The link works once, for 30 minutes.";

const invalid = (): IdentityException =>
  new IdentityException(IdentityErrorCode.PasswordResetInvalid, 'This link is invalid, already used or expired. Ask for a new one from the sign-in page.');

/**
 * "Forgot your password?": a single-use link, mailed only to the address the account already has.
 *
 * The request answers before anything about the address is looked up: it counts and records the
 * request (the rate limits) and queues a job, the same work for every address, so neither the
 * answer nor its timing tells whether the address has an account. The job finds the accounts and
 * mails the links. HR cannot steer a link anywhere: it goes to the person's own address.
 */
@Injectable()
export class PasswordResetService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly resets: PasswordResetsRepository,
    private readonly credentials: CredentialsRepository,
    private readonly throttle: LoginThrottleService,
    private readonly jobs: JobsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
  ) {}

  onModuleInit(): void {
    this.jobs.work<PasswordResetMailJobData>(JOB_NAMES.passwordResetMail, (data) => this.mailLinks(data.email, data.ip));
  }

  async request(rawEmail: string, ip: string): Promise<void> {
    const email = rawEmail.trim().toLowerCase();
    await this.db.transaction(async (tx) => {
      // Counted in the transaction: a refused request, or one whose job fails to queue, is not charged.
      const limiter = new RateLimiter(new PostgresRateLimitStore(tx));
      const refusal = await limiter.consume([RESET_REQUESTS_PER_ADDRESS, email], [RESET_REQUESTS_PER_NETWORK, ip]);
      if (refusal) {
        throw new IdentityException(IdentityErrorCode.TooManyAttempts, resetRefusalMessage(refusal), { retryAfterSeconds: refusal.retryAfterSeconds });
      }
      await this.jobs.send<PasswordResetMailJobData>(JOB_NAMES.passwordResetMail, { email, ip }, { tx });
    });
  }

  /**
   * The job: a new link for each account with this address (if any), mailed to that address. The
   * address is looked up across organisations (the job's system scope); each account's link is then
   * issued and mailed in its own organisation's scope.
   */
  async mailLinks(email: string, ip: string): Promise<void> {
    for (const account of await this.resets.accountsWithLogin(email)) {
      await runInOrganization(account.organizationId, () => this.mailLink(account, ip));
    }
  }

  private async mailLink(account: ResetAccount, ip: string): Promise<void> {
    const { token, hash } = newToken(account.organizationId);
    await this.db.transaction(async (tx) => {
      await this.resets.issue(tx, account.organizationId, account.personId, hash, ip, RESET_LINK_MINUTES);
      await this.audit.record(
        { organizationId: account.organizationId, personId: account.personId },
        { action: 'password.reset_requested', targetType: 'person', targetId: account.personId, details: { ip } },
        tx,
      );
    });
    // The secret rides in the `token` query parameter, the one every view of mail redacts.
    const link = `${this.config.publicUrl}/reset-password?token=${token}`;
    await this.mail.send({
      organizationId: account.organizationId,
      to: account.email,
      ...resetMail(translator(account.language), account.name, account.organizationName, link),
    });
  }

  async describe(token: string): Promise<{ name: string; email: string; organizationName: string }> {
    const presented = presentedToken(token);
    const account = presented && (await this.resets.describe(presented));
    if (!account) throw invalid();
    return { name: account.name, email: account.email, organizationName: account.organizationName };
  }

  /** Sets the password, uses up the link and ends every session of the person, in one transaction. */
  async complete(token: string, password: string, ip: string): Promise<void> {
    const presented = presentedToken(token);
    if (!presented) throw invalid();
    const passwordHash = await hashPassword(password);
    const who = await this.db.transaction(async (tx) => {
      const used = await this.resets.consume(tx, presented);
      if (!used) throw invalid();
      const person = await this.credentials.setPassword(tx, used.organizationId, used.personId, passwordHash);
      if (!person) throw invalid();
      await this.throttle.clearFailures(person.email, tx);
      await this.audit.record(used, { action: 'password.reset', targetType: 'person', targetId: used.personId, details: { ip } }, tx);
      return used;
    });
    // The sessions are gone from the database; every instance forgets them too, at once.
    await this.sessions.forgetPerson(who.organizationId, who.personId);
  }
}

/** The reset link, in the person's language. */
function resetMail(t: Translator, name: string, organization: string, link: string): { subject: string; text: string; html: string } {
  const hello = t.t('mail.hello', { name });
  const asked = t.t('mail.reset.asked', { organization });
  const last = `${t.t('mail.reset.expiry', { minutes: RESET_LINK_MINUTES })} ${t.t('mail.reset.ignore')}`;
  return {
    subject: t.t('mail.reset.subject'),
    text: `${hello}\n\n${asked} ${t.t('mail.reset.open')}\n\n${link}\n\n${last}`,
    html: `<p>${escapeHtml(hello)}</p><p>${escapeHtml(asked)}</p><p><a href="${link}">${escapeHtml(t.t('mail.reset.link'))}</a></p><p>${escapeHtml(last)}</p>`,
  };
}
