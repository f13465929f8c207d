import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface TestSmtpServer {
  /**
   * For SMTP_URL: `smtp://127.0.0.1:<port>?pool=true` (the app keeps its connections open and sends
   * every mail on one of them), or without `?pool=true` when started with `connectionPerMail`, as
   * the app sends by default (a new connection per mail, each greeted 0.1 s late by smtp-server).
   */
  url: string;
  messages: ReceivedMail[];
  /** The messages sent to one address. */
  to(address: string): ReceivedMail[];
  /** Waits until at least `count` messages have arrived (for the queue path; rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  /** The next `count` RCPT TO commands are refused with a temporary error (451), as a busy server does, after `delayMs`. */
  refuseNextRecipients(count: number, delayMs?: number): void;
  /** RCPT TO commands refused so far. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps every message: tests read what users would receive.
 * smtp-server greets each new connection after a fixed 0.1 s (it listens for clients that talk too
 * soon), and a mail-heavy file opens dozens: so the app is told to keep its connections
 * (nodemailer's pool, set in the URL) unless the test is about the default connection per mail.
 */
export async function startSmtpServer(options: { connectionPerMail?: boolean } = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const refused: string[] = [];
  /** Called after each message arrives (waitFor's waiters). */
  const arrivals = new Set<() => void>();
  let toRefuse = 0;
  let refuseDelayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // Nothing to learn from the name of 127.0.0.1, and a slow resolver would hold every greeting.
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (toRefuse > 0) {
        toRefuse--;
        refused.push(address.address);
        const refusal = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
        return void setTimeout(() => callback(refusal), refuseDelayMs);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(raw), raw });
        callback();
        for (const arrived of arrivals) arrived();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    url: `smtp://127.0.0.1:${port}${options.connectionPerMail ? '' : '?pool=true'}`,
    messages,
    to: (address) => messages.filter((m) => m.to.includes(address)),
    async waitFor(count, timeoutMs = 20_000) {
      if (messages.length >= count) return messages;
      // Woken by each arrival rather than polling: a queued mail is read the moment it lands.
      await new Promise<void>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          arrivals.delete(check);
        };
        const check = (): void => {
          if (messages.length < count) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`expected ${count} messages, got ${messages.length} in ${timeoutMs} ms`));
        }, timeoutMs);
        arrivals.add(check);
      });
      return messages;
    },
    clear: () => void messages.splice(0),
    refuseNextRecipients: (count, delayMs = 0) => {
      toRefuse = count;
      refuseDelayMs = delayMs;
    },
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Just enough MIME for our own mail: headers, multipart/alternative, quoted-printable or base64. */
function parseMessage(raw: string): { subject: string; text: string; html: string } {
  const { headers, body } = splitHeaders(raw);
  const subject = decodeWords(headers['subject'] ?? '');
  const parts = partsOf(headers, body);
  const find = (type: string) => parts.find((p) => (p.headers['content-type'] ?? 'text/plain').startsWith(type));
  return { subject, text: find('text/plain')?.content ?? '', html: find('text/html')?.content ?? '' };
}

function splitHeaders(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function partsOf(headers: Record<string, string>, body: string): { headers: Record<string, string>; content: string }[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return [{ headers, content: decodeBody(body, headers['content-transfer-encoding']) }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => {
      const part = splitHeaders(chunk.replace(/^\r?\n/, ''));
      return partsOf(part.headers, part.body);
    });
}

function decodeBody(body: string, encoding = '7bit'): string {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable':
      return Buffer.from(
        body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      )
        .toString('utf8')
        .replace(/\r\n/g, '\n')
        .trimEnd();
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').replace(/\r\n/g, '\n').trimEnd();
    default:
      return body.replace(/\r\n/g, '\n').trimEnd();
  }
}

/** RFC 2047 encoded words in headers (non-ASCII subjects). */
function decodeWords(value: string): string {
  // RFC 2047 §6.2: the white space between two adjacent encoded words is not part of the text.
  return value
    .replace(/(=\?[^?]+\?[QB]\?[^?]*\?=)\s+(?==\?[^?]+\?[QB]\?)/gi, '$1')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__: string, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
