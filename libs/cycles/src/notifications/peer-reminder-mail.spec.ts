import { peerReminderMail } from './peer-reminder-mail';

const input = {
  subjectName: 'Sam <Subject>',
  cycleName: 'Spring review',
  peers: 1,
  minPeers: 3,
  nominationDeadline: new Date('2026-03-10T17:00:00Z'),
  timeZone: 'Europe/Paris',
  link: 'https://ripple.test/cycles/c1/subjects/s1/requests',
  language: 'en' as const,
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

  it('is written in German for a subject who reads German', () => {
    const mail = peerReminderMail({ ...input, language: 'de' });
    expect(mail.subject).toBe('Bitten Sie Kolleginnen und Kollegen um Feedback: Spring review');
    expect(mail.text).toContain('mindestens 3 Personen vor, die mit Ihnen zusammenarbeiten (Peers). Bisher haben Sie eine Person angefragt.');
    expect(mail.text).toContain(
      'Bitte fragen Sie noch mindestens 2 weitere Personen, bevor die Nominierung am Dienstag, 10. März 2026 um 18:00 (Zeitzone Europe/Paris) endet.',
    );
    expect(peerReminderMail({ ...input, peers: 0, language: 'de' }).text).toContain('Bisher haben Sie noch niemanden angefragt.');
    expect(peerReminderMail({ ...input, peers: 2, language: 'de' }).text).toContain('noch mindestens eine weitere Person, bevor');
  });
});
