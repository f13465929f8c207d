import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { selectRows } from '@lib/database';

export interface StoredMail {
  dedupeKey: string | null;
  recipient: string;
  subject: string;
  /** Already redacted: the table never holds a secret. */
  text: string;
  html: string | null;
  transport: 'smtp' | 'outbox';
  /** People who must never read this mail in an admin view (see OutgoingMail.hiddenFrom). */
  hiddenFrom: readonly string[];
}

export interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  createdAt: Date;
}

interface OutboxDbRow {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  created_at: Date;
}

/** The record of every mail sent (and the local outbox): mail_messages, organisation first. */
@Injectable()
export class MailMessagesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Null when a message with the same dedupe key is already recorded, or the recipient is a person
   * of the organisation who has left (the one place that keeps mail from leavers); else its id and the
   * organisation's mail sender name (one round trip). `db`: a transaction's manager, to record and send together.
   */
  async insert(organizationId: string, mail: StoredMail, db: Pick<DataSource, 'query'> = this.db): Promise<{ id: string; senderName: string | null } | null> {
    const rows = await selectRows<{ id: string; sender_name: string | null }>(
      db,
      `INSERT INTO mail_messages (organization_id, dedupe_key, recipient, subject, text_body, html_body, transport, hidden_from)
       SELECT $1::uuid, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::uuid[]
        WHERE NOT EXISTS (SELECT 1 FROM people WHERE organization_id = $1 AND email = $3 AND NOT active)
       ON CONFLICT (organization_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, (SELECT mail_sender_name FROM organizations WHERE id = $1) AS sender_name`,
      [organizationId, mail.dedupeKey, mail.recipient, mail.subject, mail.text, mail.html, mail.transport, [...mail.hiddenFrom]],
    );
    return rows[0] ? { id: rows[0].id, senderName: rows[0].sender_name } : null;
  }

  /**
   * Many mails in one statement (the outbox, where recording is all there is to sending): the same
   * rules as `insert` for each (a dedupe key already recorded, or a recipient who has left, skips
   * it). Returns the dedupe keys recorded now, and how many mails without a key were.
   */
  async insertMany(organizationId: string, mails: readonly StoredMail[]): Promise<{ keys: Set<string>; unkeyed: number }> {
    const rows = await selectRows<{ dedupe_key: string | null }>(
      this.db,
      `INSERT INTO mail_messages (organization_id, dedupe_key, recipient, subject, text_body, html_body, transport, hidden_from)
       SELECT $1::uuid, m.dedupe_key, m.recipient, m.subject, m.text_body, m.html_body, m.transport, m.hidden_from
         FROM json_to_recordset($2::json) AS m(dedupe_key text, recipient text, subject text, text_body text, html_body text, transport text, hidden_from uuid[])
        WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.organization_id = $1 AND p.email = m.recipient AND NOT p.active)
       ON CONFLICT (organization_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING dedupe_key`,
      [
        organizationId,
        JSON.stringify(
          mails.map((m) => ({
            dedupe_key: m.dedupeKey,
            recipient: m.recipient,
            subject: m.subject,
            text_body: m.text,
            html_body: m.html,
            transport: m.transport,
            hidden_from: m.hiddenFrom,
          })),
        ),
      ],
    );
    const keys = new Set<string>();
    let unkeyed = 0;
    for (const r of rows) {
      if (r.dedupe_key === null) unkeyed++;
      else keys.add(r.dedupe_key);
    }
    return { keys, unkeyed };
  }

  /** Runs `work` in one transaction (the record commits only with a successful send). */
  transaction<T>(work: (db: Pick<DataSource, 'query'>) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(manager));
  }

  /**
   * The newest outbox messages `reader` may read: never one hidden from them, and never a cycle mail
   * (`invite:<cycle>:…`, `reminder:<cycle>:…`) of a cycle a person owns — HR sees only that such a
   * cycle happened, not whom it asked (the outbox is HR's view).
   */
  async outbox(organizationId: string, reader: string, limit: number): Promise<OutboxRow[]> {
    const rows = await selectRows<OutboxDbRow>(
      this.db,
      `SELECT id, recipient, subject, text_body, html_body, created_at FROM mail_messages
        WHERE organization_id = $1 AND transport = 'outbox' AND NOT ($2::uuid = ANY (hidden_from))
          AND NOT COALESCE(split_part(dedupe_key, ':', 1) IN ('invite', 'reminder')
            AND split_part(dedupe_key, ':', 2) = ANY (COALESCE((SELECT array_agg(c.id::text) FROM cycles c WHERE c.organization_id = $1 AND c.origin <> 'hr'), '{}')), false)
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [organizationId, reader, limit],
    );
    return rows.map((r) => ({
      id: String(r.id),
      recipient: r.recipient,
      subject: r.subject,
      textBody: r.text_body,
      htmlBody: r.html_body,
      createdAt: new Date(r.created_at),
    }));
  }
}
