/** English messages for signing in and one's own account: features/auth. Merged into en.ts; ids start with the area's own prefixes. */
export const authEn = {
  'ssoLink.sentTitle': 'Check your mail to finish signing in with single sign-on',
  'ssoLink.sentText':
    'Your Ripple account already has a way to sign in, so it is linked to single sign-on only once you confirm: we have sent a link to the address on your account. It works once, for 30 minutes.',
  'ssoLink.notYou': 'Not you? Then you need do nothing: without the link, your account stays as it is.',
  'ssoLink.toLogin': 'Back to sign-in',
  'ssoLink.title': 'Sign in with single sign-on from now on',
  'ssoLink.lead': 'Confirm only if you just signed in with single sign-on yourself: from now on, whoever signs in there as you is signed in to Ripple as you.',
  'ssoLink.failed': 'Could not link your account',
  'ssoLink.confirming': 'Confirming…',
  'ssoLink.submit': 'Confirm and sign in',
  'ssoLink.otherBrowserTitle': 'Open this link in the browser where you started signing in',
  'ssoLink.otherBrowser':
    'This link confirms only in the browser where you signed in with single sign-on, and this is another one. Nothing has changed. If you did not try to sign in, press “I did not try to sign in”.',
  'ssoLink.notMe': 'Did you not just try to sign in with single sign-on yourself?',
  'ssoLink.cancel': 'I did not try to sign in',
  'ssoLink.cancelling': 'Cancelling…',
  'ssoLink.cancelFailed': 'Could not cancel the link',
  'ssoLink.cancelledTitle': 'Cancelled: nothing was linked',
  'ssoLink.cancelledText': 'The link no longer works, and your account is as it was.',
  'ssoLink.tellSecurityTitle': 'Tell your IT security team',
  'ssoLink.tellSecurity':
    'Someone else started signing in to your Ripple account through single sign-on with your address: they can sign in to your organisation’s identity provider as you.',
} as const satisfies Record<string, string>;
