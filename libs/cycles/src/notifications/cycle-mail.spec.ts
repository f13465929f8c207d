import { invitationMail, reminderMail } from './cycle-mail';

const input = {
  raterName: 'Mo <Member>',
  cycleName: 'Spring 2026',
  asks: [
    { subjectName: 'Zed Report', relationship: 'manager' as const },
    { subjectName: 'Mo Member', relationship: 'self' as const },
    { subjectName: 'Maya Manager', relationship: 'direct_report' as const },
    { subjectName: 'Pat Peer', relationship: 'peer' as const },
  ],
  responseDeadline: new Date('2026-03-15T17:00:00Z'),
  timeZone: 'UTC',
  link: 'https://ripple.example/feedback',
};

describe('invitationMail', () => {
  it('lists every subject once, self first, with how they relate to the rater', () => {
    const mail = invitationMail(input);
    expect(mail.subject).toBe('Your feedback is requested: Spring 2026');
    expect(mail.text).toContain('feedback on 4 people');
    const lines = mail.text.split('\n').filter((l) => l.startsWith('  - '));
    expect(lines).toEqual([
      '  - Yourself (self-review)',
      '  - Maya Manager (your manager)',
      '  - Pat Peer (a colleague)',
      '  - Zed Report (a member of your team)',
    ]);
    expect(mail.text).toContain('https://ripple.example/feedback');
    expect(mail.text).toMatch(/Please answer by .*15 March 2026.* 17:00 UTC\./);
  });

  it("writes the deadline on the organisation's clock", () => {
    const mail = invitationMail({ ...input, timeZone: 'America/New_York' });
    expect(mail.text).toMatch(/Please answer by .*15 March 2026.* 13:00 America\/New York time\./);
  });

  it('escapes names in the HTML part', () => {
    const mail = invitationMail(input);
    expect(mail.html).toContain('Hello Mo &lt;Member&gt;,');
    expect(mail.html).not.toContain('<Member>');
    expect(mail.html).toContain('href="https://ripple.example/feedback"');
  });

  it('leaves out the deadline sentence when there is none', () => {
    expect(invitationMail({ ...input, responseDeadline: null }).text).not.toContain('Please answer by');
  });
});

describe('reminderMail', () => {
  it('says it is a reminder and counts one person in the singular', () => {
    const mail = reminderMail({ ...input, asks: [{ subjectName: 'Pat Peer', relationship: 'peer' }] });
    expect(mail.subject).toBe('Reminder: feedback for Spring 2026');
    expect(mail.text).toContain('still awaited for one person');
  });
});
