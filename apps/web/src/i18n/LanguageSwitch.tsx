import { useId } from 'react';
import { isLanguage, LANGUAGE_NAMES, LANGUAGES } from './languages';
import { useLanguage } from './use-language';
import { useT } from './use-t';

/** A small labelled choice of language, for pages without an account page (sign-in, invitation). */
export function LanguageSwitch({ className }: { className?: string }) {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  const id = useId();
  return (
    <div className={['language-switch', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{t('language.label')}</label>{' '}
      <select
        id={id}
        className="input select language-switch__select"
        value={language}
        onChange={(e) => isLanguage(e.target.value) && setLanguage(e.target.value)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
