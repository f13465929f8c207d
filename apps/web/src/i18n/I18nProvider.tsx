import { useEffect, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { useMe } from '@/lib/auth';
import { setDisplayLocale } from '@/lib/format';
import { displayLocale } from './languages';
import { MESSAGES } from './messages';
import { useLanguage } from './use-language';
import { setCurrentIntl } from './current';

/** The active language for everything below it: messages, numbers, dates (on the organisation's clock) and <html lang>. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const { language } = useLanguage();
  const { data: me } = useMe();
  const locale = displayLocale(language, typeof navigator === 'undefined' ? undefined : navigator.language);
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
