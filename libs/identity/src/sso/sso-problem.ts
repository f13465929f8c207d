/**
 * Everything that can go wrong with a single sign-on, as a code the sign-in page shows in plain
 * words and a message for HR's test sign-in. Never a 5xx: the provider being wrong or down is a
 * state of the world, not a bug of Ripple's.
 */
export type SsoProblemCode =
  | 'not_configured'
  | 'provider_unreachable'
  | 'issuer_mismatch'
  | 'client_rejected'
  | 'provider_refused'
  | 'login_expired'
  | 'code_rejected'
  | 'token_rejected'
  | 'email_missing'
  | 'email_unverified'
  | 'domain_not_allowed'
  | 'unknown_person'
  | 'person_inactive'
  | 'secret_unreadable'
  | 'confirmation_mail_failed';

export class SsoProblem extends Error {
  constructor(
    readonly code: SsoProblemCode,
    message: string,
    /** The address the provider answered with, when it got that far. */
    readonly email: string | null = null,
  ) {
    super(message);
    this.name = 'SsoProblem';
  }
}
