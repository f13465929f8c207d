import { escapeHtml } from '@lib/identity';
import { formatDeadline, type ComposedMail } from './cycle-mail';

export interface PeerReminderMailInput {
  subjectName: string;
  cycleName: string;
  /** The peers the subject has (countedPeers): the number their own requests page shows. */
  peers: number;
  minPeers: number;
  nominationDeadline: Date;
  /** The organisation's time zone: the deadline is written on its clock. */
  timeZone: string;
  /** `${publicUrl}/cycles/<cycle>/subjects/<subject>/requests`: where they ask colleagues. */
  link: string;
}

const colleagues = (n: number): string => (n === 1 ? 'one colleague' : `${n} colleagues`);

/**
 * To a subject with fewer peers than the cycle asks for. It says only what their own requests page
 * already shows (how many peers they have asked and still have), never who answered.
 */
export function peerReminderMail(input: PeerReminderMailInput): ComposedMail {
  const missing = Math.max(0, input.minPeers - input.peers);
  const lines = [
    `"${input.cycleName}" asks for feedback on you from at least ${colleagues(input.minPeers)} who work with you (peers). So far you have ${input.peers === 0 ? 'none' : input.peers}.`,
    `Please ask at least ${missing === 1 ? 'one more' : `${missing} more`} before nominations close on ${formatDeadline(input.nominationDeadline, input.timeZone)}.`,
  ];
  const text = [`Hello ${input.subjectName},`, '', ...lines.flatMap((l) => [l, '']), `Ask colleagues: ${input.link}`, '', 'Ripple'].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.subjectName)},</p>`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(input.link)}">Ask colleagues</a></p>`,
  ].join('');
  return { subject: `Ask colleagues for feedback: ${input.cycleName}`, text, html };
}
