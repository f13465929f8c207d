import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { useMe } from '@/lib/auth';
import { setDisplayLocale } from '@/lib/format';
import type { Language } from './languages';
import { MESSAGES } from './messages';
import { useLanguage } from './use-language';
import { setCurrentIntl } from './current';

/**
 * The locale numbers and dates are written in: the browser's own variant when it speaks the same
 * language ("en-GB" keeps day-month dates), else the language itself ("3,4" in German).
 */
function localeFor(language: Language): string {
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language;
  return browser && browser.toLowerCase().split(/[-_]/)[0] === language ? browser : language;
}

/** The active language for everything below it: messages, numbers, dates (on the organisation's clock) and <html lang>. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const { data: me } = useMe();
  const locale = localeFor(language);
  // Set during render, before any child formats a date with lib/format.
  setDisplayLocale(locale);
  setCurrentIntl(locale, MESSAGES[language], me?.organizationTimeZone);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return (
    <IntlProvider locale={locale} messages={MESSAGES[language]} defaultLocale="en" timeZone={me?.organizationTimeZone}>
      {children}
    </IntlProvider>
  );
}
