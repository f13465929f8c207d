import { answerAudience, AudienceSettings, FeedbackRelationship } from '../domain';
import { invitationMail, MailAsk, reminderMail, whoSeesYourAnswers } from './cycle-mail';

const settings: AudienceSettings = { anonymityThreshold: 3, showManagerSeparately: true, reportVisibility: { subject: 'on_release', manager: 'on_release' } };
const ask = (subjectName: string, relationship: FeedbackRelationship, cycle: AudienceSettings = settings, isAdmin = false): MailAsk => ({
  subjectName,
  relationship,
  audience: answerAudience(relationship, cycle, { isAdmin }),
});

const input = {
  raterName: 'Mo <Member>',
  cycleName: 'Spring 2026',
  asks: [ask('Zed Report', 'manager'), ask('Mo Member', 'self'), ask('Maya Manager', 'direct_report'), ask('Pat Peer', 'peer')],
  responseDeadline: new Date('2026-03-15T17:00:00Z'),
  timeZone: 'UTC',
  link: 'https://ripple.example/feedback',
  language: 'en' as const,
};

/** The lines of the section after the line ending with `heading` (blank lines skipped), up to the next blank line. */
const section = (text: string, heading: string): string[] => {
  const lines = text.split('\n');
  let start = lines.findIndex((l) => l.endsWith(heading)) + 1;
  while (lines[start] === '') start++;
  const end = lines.indexOf('', start);
  return lines.slice(start, end === -1 ? undefined : end);
};

describe('invitationMail', () => {
  it('lists every subject once, self first, with how they relate to the rater', () => {
    const mail = invitationMail(input);
    expect(mail.subject).toBe('Your feedback is requested: Spring 2026');
    expect(mail.text).toContain('feedback on 4 people');
    expect(section(mail.text, 'feedback on 4 people:')).toEqual([
      '  - Yourself (self-review)',
      '  - Maya Manager (your manager)',
      '  - Pat Peer (a colleague)',
      '  - Zed Report (a member of your team)',
    ]);
    expect(mail.text).toContain('https://ripple.example/feedback');
    expect(mail.text).toMatch(/Please answer by .*15 March 2026.* 17:00 UTC\./);
  });

  it('tells the rater, per subject, who sees their answers in this cycle', () => {
    const mail = invitationMail(input);
    expect(section(mail.text, 'Who sees your answers:')).toEqual([
      '  - Your self-review is shown in your report as your own view, beside how others see you: that is where blind spots and hidden strengths show up.',
      "  - As the manager of Zed Report, your ratings are shown in the report on their own, labelled as the manager's, so they will know which ratings are yours. Your comments are never shown with your name.",
      "  - Your answers about Maya Manager and Pat Peer are combined with other people's and never shown on their own: a number is shown only when at least 3 people gave it, and nobody sees who said what.",
    ]);
    // The old promise, false for a manager shown on their own, is gone.
    expect(mail.text).not.toContain("combined with others' and never shown on their own");
  });

  it("writes the deadline on the organisation's clock", () => {
    const mail = invitationMail({ ...input, timeZone: 'America/New_York' });
    expect(mail.text).toMatch(/Please answer by .*15 March 2026.* 13:00 America\/New York time\./);
  });

  it('escapes names in the HTML part, and says the same there', () => {
    const mail = invitationMail(input);
    expect(mail.html).toContain('Hello Mo &lt;Member&gt;,');
    expect(mail.html).not.toContain('<Member>');
    expect(mail.html).toContain('href="https://ripple.example/feedback"');
    expect(mail.html).toContain('<li>As the manager of Zed Report, your ratings are shown in the report on their own');
  });

  it('leaves out the deadline sentence when there is none', () => {
    expect(invitationMail({ ...input, responseDeadline: null }).text).not.toContain('Please answer by');
  });
});

describe('reminderMail', () => {
  it('says it is a reminder and counts one person in the singular', () => {
    const mail = reminderMail({ ...input, asks: [ask('Pat Peer', 'peer')] });
    expect(mail.subject).toBe('Reminder: feedback for Spring 2026');
    expect(mail.text).toContain('still awaited for one person');
  });

  it("tells a manager whose cycle pools the manager that their ratings are combined like everyone else's", () => {
    const pooled: AudienceSettings = { ...settings, showManagerSeparately: false, anonymityThreshold: 4 };
    const mail = reminderMail({ ...input, asks: [ask('Zed Report', 'manager', pooled)] });
    expect(section(mail.text, 'Who sees your answers:')).toEqual([
      '  - Your answers about Zed Report are combined with those of at least 4 other people and never shown on their own; nobody sees who said what. As you may read the report yourself, your own answers never count towards those 4.',
    ]);
    expect(mail.text).not.toContain("labelled as the manager's");
  });
});

describe('whoSeesYourAnswers', () => {
  it("gives an HR admin who rates peers the reader's sentence, and a colleague the plain one", () => {
    expect(whoSeesYourAnswers([ask('Pat Peer', 'peer', settings, true), ask('Ann Other', 'other', settings, true)])).toEqual([
      'Your answers about Ann Other and Pat Peer are combined with those of at least 3 other people and never shown on their own; nobody sees who said what. As you may read the report yourself, your own answers never count towards those 3.',
    ]);
  });
});

describe('in German, for a rater who reads Ripple in German', () => {
  const german = { ...input, language: 'de' as const };

  it('writes the whole invitation in German: subject, list, who sees the answers, deadline and link', () => {
    const mail = invitationMail(german);
    expect(mail.subject).toBe('Ihr Feedback ist gefragt: Spring 2026');
    expect(mail.text).toContain('Guten Tag Mo <Member>,');
    expect(section(mail.text, 'zu 4 Personen gebeten:')).toEqual([
      '  - Sie selbst (Selbsteinschätzung)',
      '  - Maya Manager (Ihre Führungskraft)',
      '  - Pat Peer (Kollegin oder Kollege)',
      '  - Zed Report (aus Ihrem Team)',
    ]);
    expect(section(mail.text, 'Wer Ihre Antworten sieht:')).toEqual([
      '  - Ihre Selbsteinschätzung erscheint im Bericht als Ihre eigene Sicht, neben der Sicht der anderen: Dort zeigen sich blinde Flecken und verborgene Stärken.',
      '  - Als Führungskraft von Zed Report werden Ihre Bewertungen im Bericht einzeln und als die der Führungskraft gekennzeichnet gezeigt; es ist also erkennbar, welche Bewertungen von Ihnen stammen. Ihre Kommentare werden nie mit Ihrem Namen gezeigt.',
      '  - Ihre Antworten zu Maya Manager und Pat Peer werden mit denen anderer Personen zusammengefasst und nie einzeln gezeigt: Ein Wert erscheint nur, wenn mindestens 3 Personen ihn abgegeben haben, und niemand sieht, wer was gesagt hat.',
    ]);
    expect(mail.text).toContain('Bitte antworten Sie bis Sonntag, 15. März 2026 um 17:00 UTC.');
    expect(mail.text).toContain('Ihre Feedback-Anfragen öffnen: https://ripple.example/feedback');
    expect(mail.html).toContain('Guten Tag Mo &lt;Member&gt;,');
    expect(mail.text).not.toMatch(/feedback on|Who sees|Please answer/);
  });

  it("counts one person in the singular and writes a zone's deadline in German", () => {
    const mail = reminderMail({ ...german, asks: [ask('Pat Peer', 'peer')], timeZone: 'America/New_York' });
    expect(mail.subject).toBe('Erinnerung: Feedback für Spring 2026');
    expect(mail.text).toContain('Ihr Feedback zu einer Person noch aus:');
    expect(mail.text).toContain('Bitte antworten Sie bis Sonntag, 15. März 2026 um 13:00 (Zeitzone America/New York).');
  });
});
