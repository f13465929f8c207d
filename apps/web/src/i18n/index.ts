export { I18nProvider } from './I18nProvider';
export { LANGUAGE_NAMES, LANGUAGES, isLanguage } from './languages';
export { msg, type MessageId } from './messages';
export { useLanguage } from './use-language';
export { useT } from './use-t';
export { LanguageSwitch } from './LanguageSwitch';
export { formatDecimal, tr } from './current';
