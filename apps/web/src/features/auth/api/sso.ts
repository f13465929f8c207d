import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';
import { msg, type MessageId } from '@/i18n';

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

/** What a refused single sign-on means, for the person signing in (the callback's `sso_error`): a message id. */
export const SSO_ERRORS: Record<string, MessageId> = {
  not_configured: msg('ssoError.not_configured'),
  provider_unreachable: msg('ssoError.provider_unreachable'),
  issuer_mismatch: msg('ssoError.issuer_mismatch'),
  client_rejected: msg('ssoError.client_rejected'),
  provider_refused: msg('ssoError.provider_refused'),
  login_expired: msg('ssoError.login_expired'),
  code_rejected: msg('ssoError.code_rejected'),
  token_rejected: msg('ssoError.token_rejected'),
  email_missing: msg('ssoError.email_missing'),
  email_unverified: msg('ssoError.email_unverified'),
  domain_not_allowed: msg('ssoError.domain_not_allowed'),
  unknown_person: msg('ssoError.unknown_person'),
  person_inactive: msg('ssoError.person_inactive'),
  secret_unreadable: msg('ssoError.secret_unreadable'),
  confirmation_mail_failed: msg('ssoError.confirmation_mail_failed'),
};

/** Links the account to single sign-on from the mailed link and signs the person in; the app loads afresh, signed in (a new session, a new CSRF token). */
export function useConfirmSsoLink() {
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/auth/sso/link', { body: { token } })),
    onSuccess: () => window.location.assign('/'),
  });
}

/** "I did not try to sign in": ends the mailed link unused (from any browser). */
export function useCancelSsoLink() {
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/auth/sso/link/cancel', { body: { token } })),
  });
}
