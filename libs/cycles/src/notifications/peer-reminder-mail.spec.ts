import { peerReminderMail } from './peer-reminder-mail';

const input = {
  subjectName: 'Sam <Subject>',
  cycleName: 'Spring review',
  peers: 1,
  minPeers: 3,
  nominationDeadline: new Date('2026-03-10T17:00:00Z'),
  timeZone: 'Europe/Paris',
  link: 'https://ripple.test/cycles/c1/subjects/s1/requests',
};

describe('peerReminderMail', () => {
  it('tells the subject how many peers they have, how many more to ask, by when, and where', () => {
    const mail = peerReminderMail(input);
    expect(mail.subject).toBe('Ask colleagues for feedback: Spring review');
    expect(mail.text).toContain('at least 3 colleagues who work with you (peers). So far you have 1.');
    expect(mail.text).toContain('Please ask at least 2 more before nominations close on Tuesday, 10 March 2026 at 18:00 Europe/Paris time.');
    expect(mail.text).toContain('Ask colleagues: https://ripple.test/cycles/c1/subjects/s1/requests');
    expect(mail.html).toContain('href="https://ripple.test/cycles/c1/subjects/s1/requests"');
    expect(mail.html).toContain('Hello Sam &lt;Subject&gt;,');
  });

  it('reads well with none and with one missing', () => {
    expect(peerReminderMail({ ...input, peers: 0 }).text).toContain('So far you have none.');
    expect(peerReminderMail({ ...input, peers: 2 }).text).toContain('Please ask at least one more before');
  });
});
