import { type Language, translator } from '@lib/common';
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
  /** The subject's language: the whole mail is written in it. */
  language: Language;
}

/**
 * To a subject with fewer peers than the cycle asks for, in their language. It says only what their
 * own requests page already shows (how many peers they have asked and still have), never who answered.
 */
export function peerReminderMail(input: PeerReminderMailInput): ComposedMail {
  const t = translator(input.language);
  const missing = Math.max(0, input.minPeers - input.peers);
  const lines = [
    t.t('mail.peers.need', { cycle: input.cycleName, min: input.minPeers, peers: input.peers }),
    t.t('mail.peers.askMore', { missing, deadline: formatDeadline(input.nominationDeadline, input.timeZone, input.language) }),
  ];
  const hello = t.t('mail.hello', { name: input.subjectName });
  const label = t.t('mail.peers.link');
  const text = [hello, '', ...lines.flatMap((l) => [l, '']), `${label}: ${input.link}`, '', t.t('mail.signature')].join('\n');
  const html = [
    `<p>${escapeHtml(hello)}</p>`,
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(label)}</a></p>`,
  ].join('');
  return { subject: t.t('mail.peers.subject', { cycle: input.cycleName }), text, html };
}
