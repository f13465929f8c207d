import type { authEn } from './auth.en';

/** German messages for signing in and one's own account: features/auth (terminology: see de.ts). */
export const authDe: Record<keyof typeof authEn, string> = {
  'ssoLink.sentTitle': 'Sehen Sie in Ihr Postfach, um die Anmeldung mit Single Sign-on abzuschließen',
  'ssoLink.sentText':
    'Ihr Ripple-Konto hat bereits eine Anmeldemöglichkeit. Deshalb wird es erst nach Ihrer Bestätigung mit Single Sign-on verknüpft: Wir haben einen Link an die Adresse Ihres Kontos gesendet. Er funktioniert einmal, 30 Minuten lang.',
  'ssoLink.notYou': 'Das waren nicht Sie? Dann müssen Sie nichts tun: Ohne den Link bleibt Ihr Konto unverändert.',
  'ssoLink.toLogin': 'Zurück zur Anmeldung',
  'ssoLink.title': 'Künftig mit Single Sign-on anmelden',
  'ssoLink.lead':
    'Bestätigen Sie nur, wenn Sie sich gerade selbst mit Single Sign-on angemeldet haben: Wer sich dort künftig als Sie anmeldet, ist bei Ripple als Sie angemeldet.',
  'ssoLink.failed': 'Ihr Konto konnte nicht verknüpft werden',
  'ssoLink.confirming': 'Wird bestätigt …',
  'ssoLink.submit': 'Bestätigen und anmelden',
  'ssoLink.otherBrowserTitle': 'Öffnen Sie diesen Link in dem Browser, in dem Sie die Anmeldung begonnen haben',
  'ssoLink.otherBrowser':
    'Dieser Link lässt sich nur in dem Browser bestätigen, in dem Sie sich mit Single Sign-on angemeldet haben, und dies ist ein anderer. Es hat sich nichts geändert. Falls Sie nicht versucht haben, sich anzumelden, wählen Sie „Ich habe nicht versucht, mich anzumelden“.',
  'ssoLink.notMe': 'Haben Sie nicht gerade selbst versucht, sich mit Single Sign-on anzumelden?',
  'ssoLink.cancel': 'Ich habe nicht versucht, mich anzumelden',
  'ssoLink.cancelling': 'Wird abgebrochen …',
  'ssoLink.cancelFailed': 'Der Link konnte nicht abgebrochen werden',
  'ssoLink.cancelledTitle': 'Abgebrochen: Es wurde nichts verknüpft',
  'ssoLink.cancelledText': 'Der Link funktioniert nicht mehr, und Ihr Konto ist unverändert.',
  'ssoLink.tellSecurityTitle': 'Informieren Sie Ihr IT-Sicherheitsteam',
  'ssoLink.tellSecurity':
    'Jemand anderes hat begonnen, sich mit Ihrer Adresse über Single Sign-on bei Ihrem Ripple-Konto anzumelden: Diese Person kann sich bei Ihrem Identitätsanbieter als Sie anmelden.',
};
