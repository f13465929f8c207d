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
} as const satisfies Record<string, string>;
