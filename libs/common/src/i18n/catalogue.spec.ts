import { createIntl } from '@formatjs/intl';
import { CATALOGUES, ENGLISH_MESSAGES, LOCALES, translator } from './catalogue';
import { LANGUAGES } from './languages';

/** The argument names a message uses: `{name}`, `{n, plural, …}`, `{r, select, …}`. */
const argumentsOf = (message: string): string[] => [...new Set([...message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g)].map((m) => m[1]))].sort();

const englishKeys = Object.keys(ENGLISH_MESSAGES).sort();

describe('the server catalogues', () => {
  it.each(LANGUAGES)('%s has exactly the English keys', (language) => {
    const keys = Object.keys(CATALOGUES[language]).sort();
    expect({ missing: englishKeys.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !englishKeys.includes(k)) }).toEqual({ missing: [], extra: [] });
  });

  it.each(LANGUAGES)('%s uses only arguments the English message is given, and every message formats cleanly', (language) => {
    const errors: string[] = [];
    const messages = CATALOGUES[language];
    const intl = createIntl({ locale: LOCALES[language], messages, onError: (e) => errors.push(String(e.message)) });
    for (const key of englishKeys) {
      const message = messages[key as keyof typeof messages];
      const english = ENGLISH_MESSAGES[key as keyof typeof ENGLISH_MESSAGES];
      expect({ key, extra: argumentsOf(message).filter((a) => !argumentsOf(english).includes(a)) }).toEqual({ key, extra: [] });
      expect({ key, empty: message.trim() === '' }).toEqual({ key, empty: false });
      const values = Object.fromEntries(argumentsOf(english).map((a) => [a, a === 'relationship' ? 'peer' : 2]));
      const out = intl.formatMessage({ id: key }, values);
      expect({ key, braces: /[{}]/.test(out) }).toEqual({ key, braces: false });
    }
    expect(errors).toEqual([]);
  });

  it('writes plurals, numbers, dates and lists in each language', () => {
    const en = translator('en');
    const de = translator('de');
    expect(en.t('mail.invitation.expiry', { days: 1 })).toBe('The link works once and expires in 1 day.');
    expect(en.t('mail.invitation.expiry', { days: 14 })).toBe('The link works once and expires in 14 days.');
    expect(de.t('mail.invitation.expiry', { days: 1 })).toBe('Der Link funktioniert nur einmal und läuft in 1 Tag ab.');
    expect(de.t('mail.invitation.expiry', { days: 14 })).toBe('Der Link funktioniert nur einmal und läuft in 14 Tagen ab.');
    expect(de.t('mail.cycle.invitation.intro', { cycle: 'Herbst', count: 1 })).toContain('zu einer Person gebeten');
    expect(de.t('mail.cycle.invitation.intro', { cycle: 'Herbst', count: 3 })).toContain('zu 3 Personen gebeten');
    expect([en.decimal(3.5), de.decimal(3.5), de.decimal(1234.567, 1)]).toEqual(['3.50', '3,50', '1234,6']);
    const day = new Date('2026-04-15T12:00:00Z');
    expect(en.date(day, { dateStyle: 'medium', timeZone: 'UTC' })).toBe('15 Apr 2026');
    expect(de.date(day, { dateStyle: 'long', timeZone: 'UTC' })).toBe('15. April 2026');
    expect([en.list(['Ann', 'Bo', 'Cy']), de.list(['Ann', 'Bo', 'Cy'])]).toEqual(['Ann, Bo and Cy', 'Ann, Bo und Cy']);
  });

  it('a mistyped key fails loudly rather than printing the key', () => {
    const errors: unknown[] = [];
    const intl = createIntl({ locale: 'de-DE', messages: CATALOGUES.de, onError: (e) => errors.push(e) });
    intl.formatMessage({ id: 'mail.no-such-key' });
    expect(errors).toHaveLength(1);
  });
});
