import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '@lib/common';
import { MailMessagesRepository, StoredMail } from './mail-messages.repository';
import { redactSecrets } from './redact-secrets';

export interface OutgoingMail {
  organizationId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * Identifies this message (e.g. `reminder:<cycle>:<rater>:<slot>`): a second send with the same
   * key is skipped, so a retried job never mails anyone twice.
   */
  dedupeKey?: string;
  /**
   * People who must never read this mail in an admin view (the outbox), because it would tell them
   * something the rest of the product hides from them: e.g. a reminder to one of their own raters
   * tells a subject that this rater has not answered yet. The sender knows why; the outbox obeys.
   */
  hiddenFrom?: readonly string[];
}

export interface OutboxMessage {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

/**
 * Sends mail over SMTP when SMTP_URL is set; otherwise keeps it in the local outbox table. Either
 * way the table records the mail with its secrets redacted (redact-secrets.ts): the real message
 * is only ever handed to SMTP. Without SMTP, in development, the operator finds a mail's real
 * links on the server console (never HR, who reads the outbox).
 */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly messages: MailMessagesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  }

  get usesOutbox(): boolean {
    return !this.transport;
  }

  /**
   * Returns false when a message with the same dedupe key was already sent. Over SMTP the record
   * and the send share one transaction: the record commits only once the server has accepted the
   * mail, so a failed send or a crash mid-send leaves nothing behind and the job's retry sends it.
   * A concurrent run with the same key waits on the record's unique index: it sends only if this
   * one fails, and never both (a skip before the send succeeded would lose the mail for good).
   */
  async send(mail: OutgoingMail): Promise<boolean> {
    const stored = this.toStored(mail);
    const transport = this.transport;
    if (!transport) {
      const inserted = await this.messages.insert(mail.organizationId, stored);
      if (inserted === null) return false;
      this.showHiddenLinks(mail, stored);
      return true;
    }
    return this.messages.transaction(async (tx) => {
      const inserted = await this.messages.insert(mail.organizationId, stored, tx);
      if (inserted === null) return false;
      try {
        await transport.sendMail({ from: this.from(inserted.senderName), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      } catch (error) {
        this.logger.warn({ err: error, to: mail.to }, 'mail delivery failed');
        throw error;
      }
      return true;
    });
  }

  /**
   * Mails of one organisation, each as `send` would (same dedupe and leaver rules); returns how
   * many were sent. Into the outbox: one statement for them all. Over SMTP: one by one, since each
   * record must commit with its own accepted send.
   */
  async sendMany(organizationId: string, mails: readonly Omit<OutgoingMail, 'organizationId'>[]): Promise<number> {
    if (!mails.length) return 0;
    if (this.transport) {
      let sent = 0;
      for (const mail of mails) if (await this.send({ ...mail, organizationId })) sent++;
      return sent;
    }
    const stored = mails.map((mail) => this.toStored(mail));
    const { keys, unkeyed } = await this.messages.insertMany(organizationId, stored);
    mails.forEach((mail, i) => {
      if (stored[i].dedupeKey !== null && keys.has(stored[i].dedupeKey)) this.showHiddenLinks(mail, stored[i]);
    });
    return keys.size + unkeyed;
  }

  private toStored(mail: Omit<OutgoingMail, 'organizationId'>): StoredMail {
    return {
      dedupeKey: mail.dedupeKey ?? null,
      recipient: mail.to,
      subject: mail.subject,
      text: redactSecrets(mail.text),
      html: mail.html === undefined ? null : redactSecrets(mail.html),
      transport: this.transport ? 'smtp' : 'outbox',
      hiddenFrom: mail.hiddenFrom ?? [],
    };
  }

  /** Without SMTP, in development: the operator finds a mail's real links on the console. */
  private showHiddenLinks(mail: Omit<OutgoingMail, 'organizationId'>, stored: StoredMail): void {
    if (stored.text === mail.text || this.config.nodeEnv === 'production') return;
    const links = (mail.text.match(/https?:\/\/\S+/g) ?? []).filter((link) => redactSecrets(link) !== link);
    this.logger.log(
      { to: mail.to, subject: mail.subject, links },
      'a mail in the outbox carries links the outbox does not show (set SMTP_URL to deliver them)',
    );
  }

  /** MAIL_FROM's address, under the organisation's sender name when it has one. */
  private from(senderName: string | null): string | { name: string; address: string } {
    if (!senderName) return this.config.mailFrom;
    const address = /<([^<>]+)>\s*$/.exec(this.config.mailFrom)?.[1] ?? this.config.mailFrom.trim();
    return { name: senderName, address };
  }

  /** The local outbox as `readerId` may read it: secrets redacted, and no mail hidden from them. */
  async outbox(organizationId: string, readerId: string, limit = 100): Promise<OutboxMessage[]> {
    const rows = await this.messages.outbox(organizationId, readerId, limit);
    return rows.map((r) => ({
      id: r.id,
      recipient: r.recipient,
      subject: r.subject,
      text: r.textBody,
      html: r.htmlBody,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
