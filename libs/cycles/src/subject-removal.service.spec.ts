import { composeRaterNotice, RaterNotice } from './subject-removal.service';

const notice = (hadDraft: boolean, raterLanguage: RaterNotice['raterLanguage'] = 'en'): RaterNotice => ({
  requestId: '00000000-0000-4000-8000-000000000001',
  cycleName: 'Spring 360',
  subjectId: '00000000-0000-4000-8000-000000000002',
  subjectName: 'Lena Lindqvist',
  raterEmail: 'rui@harbour.example',
  raterName: 'Rui Costa',
  raterLanguage,
  hadDraft,
});

describe('composeRaterNotice', () => {
  it('tells a rater who had not started that they need not answer, and nothing about drafts', () => {
    const mail = composeRaterNotice(notice(false), 'https://ripple.example/feedback/1');
    expect(mail.to).toBe('rui@harbour.example');
    expect(mail.subject).toBe('No need to answer about Lena Lindqvist in Spring 360');
    expect(mail.text).toContain('You do not need to answer it');
    expect(mail.text).not.toMatch(/draft/i);
    expect(mail.text).not.toContain('https://ripple.example/feedback/1');
  });

  it('tells a rater with a draft that it will not be used, where to read it, and when it goes', () => {
    const mail = composeRaterNotice(notice(true), 'https://ripple.example/feedback/1');
    expect(mail.text).toContain('Your draft was not submitted and will not be used');
    expect(mail.text).toContain('https://ripple.example/feedback/1');
    expect(mail.text).toContain('When the cycle closes, the draft is deleted.');
  });

  it('is sent once per request and never shown to the subject in the outbox', () => {
    const mail = composeRaterNotice(notice(true), 'x');
    expect(mail.dedupeKey).toBe('subject-removed:00000000-0000-4000-8000-000000000001');
    expect(mail.hiddenFrom).toEqual(['00000000-0000-4000-8000-000000000002']);
  });

  it("is written in the rater's language", () => {
    const mail = composeRaterNotice(notice(true, 'de'), 'https://ripple.example/feedback/1');
    expect(mail.subject).toBe('Keine Antwort mehr nötig: Lena Lindqvist in Spring 360');
    expect(mail.text).toContain('Guten Tag Rui Costa,');
    expect(mail.text).toContain('Lena Lindqvist nimmt nicht mehr an „Spring 360“ teil');
    expect(mail.text).toContain('Mit dem Abschluss des Zyklus wird der Entwurf gelöscht.');
    expect(mail.text).not.toMatch(/draft|answer/);
  });
});
