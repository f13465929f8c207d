import { escapeHtml } from '@lib/identity';
import { type Language, translator, type Translator } from '@lib/common';
import { explainAnswerAudience, type AnswerAudience, type FeedbackRelationship } from '../domain';

export interface MailAsk {
  subjectName: string;
  relationship: FeedbackRelationship;
  /** What becomes of the rater's answers about this subject (answerAudience). */
  audience: AnswerAudience;
}

export interface CycleMailInput {
  raterName: string;
  cycleName: string;
  asks: readonly MailAsk[];
  responseDeadline: Date | null;
  /** The organisation's time zone: the deadline is written on its clock. */
  timeZone: string;
  /** `${publicUrl}/feedback`: the rater's list of requests. */
  link: string;
  /** The rater's language: the whole mail is written in it. */
  language: Language;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** How the subject relates to the rater, in the rater's words and language. */
const describe = (t: Translator, ask: MailAsk): string =>
  ask.relationship === 'self' ? t.t('mail.cycle.askSelf') : t.t('mail.cycle.ask', { name: ask.subjectName, relationship: ask.relationship });

/** A deadline on the organisation's clock, in the reader's language: "Sunday 15 March 2026 at 17:00 UTC". */
export const formatDeadline = (deadline: Date, timeZone: string, language: Language = 'en'): string => {
  const t = translator(language);
  const time = t.date(deadline, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return timeZone === 'UTC' ? t.t('time.utc', { time }) : t.t('time.zone', { time, zone: timeZone.replace(/_/g, ' ') });
};

/** Self first, then by name: the order the rater will find them on their list. */
const ordered = (asks: readonly MailAsk[]): MailAsk[] =>
  [...asks].sort((a, b) => Number(b.relationship === 'self') - Number(a.relationship === 'self') || a.subjectName.localeCompare(b.subjectName));

const AUDIENCE_ORDER: Record<AnswerAudience['kind'], number> = { self: 0, manager_shown: 1, combined: 2 };

/**
 * One sentence per kind of audience, naming the subjects it applies to: a rater who owes a
 * self-review, a report shown as the manager's and two colleagues reads three true sentences,
 * not one that is false for some of them.
 */
export function whoSeesYourAnswers(asks: readonly MailAsk[], language: Language = 'en'): string[] {
  const t = translator(language);
  const groups = new Map<string, { audience: AnswerAudience; names: string[] }>();
  for (const ask of ordered(asks)) {
    const key = `${ask.audience.kind}:${ask.audience.raterMayRead}`;
    const group = groups.get(key);
    if (group) group.names.push(ask.subjectName);
    else groups.set(key, { audience: ask.audience, names: [ask.subjectName] });
  }
  return [...groups.values()]
    .sort((a, b) => AUDIENCE_ORDER[a.audience.kind] - AUDIENCE_ORDER[b.audience.kind] || Number(a.audience.raterMayRead) - Number(b.audience.raterMayRead))
    .map((g) => explainAnswerAudience(g.audience, t.list(g.names), t));
}

function compose(input: CycleMailInput, subject: string, intro: string): ComposedMail {
  const t = translator(input.language);
  const asks = ordered(input.asks);
  const audience = whoSeesYourAnswers(asks, input.language);
  const audienceIntro = t.t('mail.cycle.audienceIntro');
  const howTo = t.t('mail.cycle.howTo');
  const linkLabel = t.t('mail.cycle.link');
  const deadline = input.responseDeadline
    ? t.t('mail.cycle.deadline', { deadline: formatDeadline(input.responseDeadline, input.timeZone, input.language) })
    : '';
  const text = [
    t.t('mail.hello', { name: input.raterName }),
    '',
    intro,
    '',
    ...asks.map((a) => `  - ${describe(t, a)}`),
    '',
    howTo,
    '',
    audienceIntro,
    ...audience.map((line) => `  - ${line}`),
    ...(deadline ? ['', deadline] : []),
    '',
    `${linkLabel}: ${input.link}`,
    '',
    t.t('mail.signature'),
  ].join('\n');
  const html = [
    `<p>${escapeHtml(t.t('mail.hello', { name: input.raterName }))}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${asks.map((a) => `<li>${escapeHtml(describe(t, a))}</li>`).join('')}</ul>`,
    `<p>${escapeHtml(howTo)}</p>`,
    `<p>${escapeHtml(audienceIntro)}</p>`,
    `<ul>${audience.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    deadline ? `<p><strong>${escapeHtml(deadline)}</strong></p>` : '',
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(linkLabel)}</a></p>`,
  ].join('');
  return { subject, text, html };
}

/** One mail per rater and cycle listing everyone they were asked about, in the rater's language. */
export function invitationMail(input: CycleMailInput): ComposedMail {
  const t = translator(input.language);
  return compose(
    input,
    t.t('mail.cycle.invitation.subject', { cycle: input.cycleName }),
    t.t('mail.cycle.invitation.intro', { cycle: input.cycleName, count: input.asks.length }),
  );
}

export function reminderMail(input: CycleMailInput): ComposedMail {
  const t = translator(input.language);
  return compose(
    input,
    t.t('mail.cycle.reminder.subject', { cycle: input.cycleName }),
    t.t('mail.cycle.reminder.intro', { cycle: input.cycleName, count: input.asks.length }),
  );
}
