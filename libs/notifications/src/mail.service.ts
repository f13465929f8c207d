import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@lib/common';

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
}

export interface OutboxMessage {
  id: string;
  recipient: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: string;
}

/** Sends mail over SMTP when SMTP_URL is set; otherwise keeps it in the local outbox table. */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : undefined;
  }

  get usesOutbox(): boolean {
    return !this.transport;
  }

  /** Returns false when a message with the same dedupe key was already sent. */
  async send(mail: OutgoingMail): Promise<boolean> {
    // The organisation's sender name (its settings) comes back with the insert: one round trip.
    const rows: { id: string; sender_name: string | null }[] = await this.db.query(
      `INSERT INTO mail_messages (organization_id, dedupe_key, recipient, subject, text_body, html_body, transport)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organization_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, (SELECT mail_sender_name FROM organizations WHERE id = $1) AS sender_name`,
      [mail.organizationId, mail.dedupeKey ?? null, mail.to, mail.subject, mail.text, mail.html ?? null, this.transport ? 'smtp' : 'outbox'],
    );
    if (rows.length === 0) return false;
    if (!this.transport) return true;
    try {
      await this.transport.sendMail({ from: this.from(rows[0].sender_name), to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      return true;
    } catch (error) {
      // Forget the record so that a retry can send it: a failed send must not count as sent.
      await this.db.query(`DELETE FROM mail_messages WHERE id = $1`, [rows[0].id]);
      this.logger.warn({ err: error, to: mail.to }, 'mail delivery failed');
      throw error;
    }
  }

  /** MAIL_FROM's address, under the organisation's sender name when it has one. */
  private from(senderName: string | null): string | { name: string; address: string } {
    if (!senderName) return this.config.mailFrom;
    const address = /<([^<>]+)>\s*$/.exec(this.config.mailFrom)?.[1] ?? this.config.mailFrom.trim();
    return { name: senderName, address };
  }

  async outbox(organizationId: string, limit = 100): Promise<OutboxMessage[]> {
    const rows: Record<string, string | null>[] = await this.db.query(
      `SELECT id, recipient, subject, text_body, html_body, created_at FROM mail_messages
        WHERE organization_id = $1 AND transport = 'outbox' ORDER BY created_at DESC LIMIT $2`,
      [organizationId, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      recipient: String(r.recipient),
      subject: String(r.subject),
      text: String(r.text_body),
      html: r.html_body,
      createdAt: new Date(String(r.created_at)).toISOString(),
    }));
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
