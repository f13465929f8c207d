import { displayLocale, pickLanguage } from './languages';

describe('the language and locale the web app uses', () => {
  it('picks the first candidate Ripple speaks, by its primary subtag, else English', () => {
    expect(pickLanguage(null, 'de-AT')).toBe('de');
    expect(pickLanguage(undefined, null, 'fr-FR')).toBe('en');
    expect(pickLanguage('en', 'de')).toBe('en');
    expect(pickLanguage('en-US@posix')).toBe('en');
  });

  it("writes numbers and dates in the browser's variant of the language, never throwing on a tag Intl cannot read", () => {
    expect(displayLocale('en', 'en-GB')).toBe('en-GB');
    expect(displayLocale('de', 'de-AT')).toBe('de-AT');
    expect(displayLocale('de', 'en-GB')).toBe('de');
    expect(displayLocale('en', undefined)).toBe('en');
    // What Chromium reports under a POSIX locale (LANG=C): not a BCP 47 tag.
    expect(displayLocale('en', 'en-US@posix')).toBe('en');
    expect(displayLocale('en', 'en_US.UTF-8')).toBe('en');
    for (const tag of ['en-US@posix', 'en_US.UTF-8', 'en-', 'en-GB']) expect(() => new Intl.NumberFormat(displayLocale('en', tag))).not.toThrow();
  });
});
