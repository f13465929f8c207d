import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

/** The provider to continue with, for an organisation's sign-in address or an email's domain (nothing without either). */
export function useSsoProvider(query: { organization?: string; email?: string }) {
  const enabled = Boolean(query.organization || query.email);
  return useQuery({
    queryKey: ['auth', 'sso-provider', query.organization ?? null, query.email ?? null],
    queryFn: () => unwrap(api.GET('/api/auth/sso/provider', { params: { query } })),
    enabled,
    staleTime: 60_000,
    retry: false,
  });
}

/** Starts signing in through the provider: the browser leaves for the provider's sign-in page. */
export function useStartSso() {
  return useMutation({
    mutationFn: (organization: string) => unwrap(api.POST('/api/auth/sso/start', { body: { organization } })),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  });
}

/** What a refused single sign-on means, for the person signing in (the callback's `sso_error`). */
export const SSO_ERRORS: Record<string, string> = {
  not_configured: 'Your organisation does not sign in with single sign-on any more. Sign in with your password.',
  provider_unreachable: 'Ripple could not reach your identity provider. Try again in a moment; if it keeps happening, tell HR.',
  issuer_mismatch: 'Single sign-on is misconfigured for your organisation. Tell HR.',
  client_rejected: 'Single sign-on is misconfigured for your organisation (the provider refused Ripple). Tell HR.',
  provider_refused: 'Your identity provider did not sign you in.',
  login_expired: 'This sign-in expired, was already used or was started in another browser. Start again.',
  code_rejected: 'Your identity provider’s answer expired before Ripple could use it. Start again.',
  token_rejected: 'Your identity provider’s answer did not pass Ripple’s checks, so you were not signed in. Tell HR.',
  email_missing: 'Your identity provider did not tell Ripple your email address. Tell HR.',
  email_unverified: 'Your identity provider has not verified your email address, so Ripple cannot sign you in with it.',
  domain_not_allowed: 'Your email address is not in a domain your organisation signs in with.',
  unknown_person: 'No one in your organisation’s Ripple uses your email address. Ask HR to add you.',
  person_inactive: 'Your Ripple account is deactivated. Ask HR if this is a mistake.',
  secret_unreadable: 'Single sign-on is misconfigured for your organisation (its client secret must be entered again). Tell HR.',
};

/** Links the account to single sign-on from the mailed link and signs the person in; the app loads afresh, signed in (a new session, a new CSRF token). */
export function useConfirmSsoLink() {
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/auth/sso/link', { body: { token } })),
    onSuccess: () => window.location.assign('/'),
  });
}
