import { escapeHtml } from '@lib/identity';
import { AnswerAudience, explainAnswerAudience, FeedbackRelationship, listNames } from '../domain';

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
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/** How the subject relates to the rater, in the rater's words. */
const RELATION: Record<FeedbackRelationship, string> = {
  self: 'a self-review',
  manager: 'a member of your team',
  direct_report: 'your manager',
  peer: 'a colleague',
  other: 'a colleague',
};

const describe = (ask: MailAsk): string => (ask.relationship === 'self' ? 'Yourself (self-review)' : `${ask.subjectName} (${RELATION[ask.relationship]})`);

export const formatDeadline = (deadline: Date, timeZone: string): string =>
  `${new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(deadline)} ${timeZone === 'UTC' ? 'UTC' : `${timeZone.replace(/_/g, ' ')} time`}`;

/** Self first, then by name: the order the rater will find them on their list. */
const ordered = (asks: readonly MailAsk[]): MailAsk[] =>
  [...asks].sort((a, b) => Number(b.relationship === 'self') - Number(a.relationship === 'self') || a.subjectName.localeCompare(b.subjectName));

const AUDIENCE_ORDER: Record<AnswerAudience['kind'], number> = { self: 0, manager_shown: 1, combined: 2 };

/**
 * One sentence per kind of audience, naming the subjects it applies to: a rater who owes a
 * self-review, a report shown as the manager's and two colleagues reads three true sentences,
 * not one that is false for some of them.
 */
export function whoSeesYourAnswers(asks: readonly MailAsk[]): string[] {
  const groups = new Map<string, { audience: AnswerAudience; names: string[] }>();
  for (const ask of ordered(asks)) {
    const key = `${ask.audience.kind}:${ask.audience.raterMayRead}`;
    const group = groups.get(key);
    if (group) group.names.push(ask.subjectName);
    else groups.set(key, { audience: ask.audience, names: [ask.subjectName] });
  }
  return [...groups.values()]
    .sort((a, b) => AUDIENCE_ORDER[a.audience.kind] - AUDIENCE_ORDER[b.audience.kind] || Number(a.audience.raterMayRead) - Number(b.audience.raterMayRead))
    .map((g) => explainAnswerAudience(g.audience, listNames(g.names)));
}

function compose(input: CycleMailInput, subject: string, intro: string): ComposedMail {
  const asks = ordered(input.asks);
  const audience = whoSeesYourAnswers(asks);
  const audienceIntro = 'Who sees your answers:';
  const deadline = input.responseDeadline ? `Please answer by ${formatDeadline(input.responseDeadline, input.timeZone)}.` : '';
  const text = [
    `Hello ${input.raterName},`,
    '',
    intro,
    '',
    ...asks.map((a) => `  - ${describe(a)}`),
    '',
    'It takes a few minutes per person: rate how often you see each behaviour (or "not observed"), and add a comment if you like.',
    '',
    audienceIntro,
    ...audience.map((line) => `  - ${line}`),
    ...(deadline ? ['', deadline] : []),
    '',
    `Open your feedback requests: ${input.link}`,
    '',
    'Ripple',
  ].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(input.raterName)},</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    `<ul>${asks.map((a) => `<li>${escapeHtml(describe(a))}</li>`).join('')}</ul>`,
    '<p>It takes a few minutes per person: rate how often you see each behaviour (or "not observed"), and add a comment if you like.</p>',
    `<p>${audienceIntro}</p>`,
    `<ul>${audience.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    deadline ? `<p><strong>${escapeHtml(deadline)}</strong></p>` : '',
    `<p><a href="${escapeHtml(input.link)}">Open your feedback requests</a></p>`,
  ].join('');
  return { subject, text, html };
}

/** One mail per rater and cycle listing everyone they were asked about. */
export function invitationMail(input: CycleMailInput): ComposedMail {
  const n = input.asks.length;
  return compose(
    input,
    `Your feedback is requested: ${input.cycleName}`,
    `As part of "${input.cycleName}", you have been asked for feedback on ${n === 1 ? 'one person' : `${n} people`}:`,
  );
}

export function reminderMail(input: CycleMailInput): ComposedMail {
  const n = input.asks.length;
  return compose(
    input,
    `Reminder: feedback for ${input.cycleName}`,
    `A reminder: your feedback in "${input.cycleName}" is still awaited for ${n === 1 ? 'one person' : `${n} people`}:`,
  );
}
