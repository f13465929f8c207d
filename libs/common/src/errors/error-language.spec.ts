import { acceptedLanguage, errorLanguage } from './error-language';

describe('acceptedLanguage', () => {
  it.each([
    ['de', 'de'],
    ['de-DE,de;q=0.9,en;q=0.8', 'de'],
    ['fr-CH, de;q=0.9, en;q=0.8', 'de'],
    ['en;q=0.5, de;q=0.7', 'de'],
    ['DE-at', 'de'],
    ['en-GB', 'en'],
    ['de;q=0, en', 'en'],
    ['fr, it', null],
    ['*', null],
    ['', null],
    [undefined, null],
  ])('%p → %p', (header, expected) => {
    expect(acceptedLanguage(header)).toBe(expected);
  });
});

describe('errorLanguage', () => {
  const person = { organizationId: 'o', personId: 'p', role: 'member', sessionId: 's' };

  it("asks for a signed-in person's language, and the person wins over the browser", async () => {
    const asked: unknown[] = [];
    const lookup = (p: { organizationId: string; personId: string }) => (asked.push(p), Promise.resolve('de' as const));
    await expect(errorLanguage({ url: '/api/people', headers: { 'accept-language': 'en' }, user: person }, lookup)).resolves.toBe('de');
    expect(asked).toEqual([{ organizationId: 'o', personId: 'p' }]);
  });

  it('falls back to the browser when the lookup finds nothing or fails', async () => {
    await expect(errorLanguage({ url: '/api/x', headers: { 'accept-language': 'de' }, user: person }, () => Promise.resolve(null))).resolves.toBe('de');
    await expect(errorLanguage({ url: '/api/x', headers: { 'accept-language': 'de' }, user: person }, () => Promise.reject(new Error('down')))).resolves.toBe(
      'de',
    );
  });

  it('answers at once without a person: the external page language, else Accept-Language, else English', () => {
    expect(errorLanguage({ url: '/api/external/questionnaire?language=de', query: { language: 'de' }, headers: {} })).toBe('de');
    expect(errorLanguage({ url: '/api/people', query: { language: 'de' }, headers: {} })).toBe('en');
    expect(errorLanguage({ url: '/api/auth/login', headers: { 'accept-language': 'de-CH' } })).toBe('de');
    expect(errorLanguage({ url: '/api/auth/login' })).toBe('en');
  });
});
