import { AppException, ErrorKind, FieldError } from '@lib/common';

export enum IdentityErrorCode {
  InvalidCredentials = 'invalid_credentials',
  TooManyAttempts = 'too_many_attempts',
  PersonNotFound = 'person_not_found',
  EmailTaken = 'email_taken',
  ManagerNotFound = 'manager_not_found',
  ManagerLoop = 'manager_loop',
  InvitationInvalid = 'invitation_invalid',
  ImportInvalid = 'import_invalid',
  LastAdmin = 'last_admin',
  AlreadyHasLogin = 'already_has_login',
  PasswordResetInvalid = 'password_reset_invalid',
  CurrentPasswordIncorrect = 'current_password_incorrect',
  PasswordUnchanged = 'password_unchanged',
  EmailOwnedByLogin = 'email_owned_by_login',
  EmailChangeInvalid = 'email_change_invalid',
  EmailUnchanged = 'email_unchanged',
  SsoRequired = 'sso_required',
  SsoNotConfigured = 'sso_not_configured',
  SsoProviderFailed = 'sso_provider_failed',
  SsoLinkInvalid = 'sso_link_invalid',
  SsoLinkOtherBrowser = 'sso_link_other_browser',
}

const KIND: Record<IdentityErrorCode, ErrorKind> = {
  [IdentityErrorCode.InvalidCredentials]: ErrorKind.Unauthorized,
  [IdentityErrorCode.TooManyAttempts]: ErrorKind.TooManyRequests,
  [IdentityErrorCode.PersonNotFound]: ErrorKind.NotFound,
  [IdentityErrorCode.EmailTaken]: ErrorKind.Conflict,
  [IdentityErrorCode.ManagerNotFound]: ErrorKind.Validation,
  [IdentityErrorCode.ManagerLoop]: ErrorKind.Validation,
  [IdentityErrorCode.InvitationInvalid]: ErrorKind.NotFound,
  [IdentityErrorCode.ImportInvalid]: ErrorKind.Validation,
  [IdentityErrorCode.LastAdmin]: ErrorKind.Conflict,
  [IdentityErrorCode.AlreadyHasLogin]: ErrorKind.Conflict,
  [IdentityErrorCode.PasswordResetInvalid]: ErrorKind.NotFound,
  [IdentityErrorCode.CurrentPasswordIncorrect]: ErrorKind.Validation,
  [IdentityErrorCode.PasswordUnchanged]: ErrorKind.Validation,
  [IdentityErrorCode.EmailOwnedByLogin]: ErrorKind.Conflict,
  [IdentityErrorCode.EmailChangeInvalid]: ErrorKind.NotFound,
  [IdentityErrorCode.EmailUnchanged]: ErrorKind.Validation,
  [IdentityErrorCode.SsoRequired]: ErrorKind.Forbidden,
  [IdentityErrorCode.SsoNotConfigured]: ErrorKind.NotFound,
  // The provider is down or misconfigured: the request was fine, the world is not (never a 5xx).
  [IdentityErrorCode.SsoProviderFailed]: ErrorKind.Conflict,
  [IdentityErrorCode.SsoLinkInvalid]: ErrorKind.NotFound,
  // A live link opened in a browser that did not start its sign-in: it stays usable there (and cancellable anywhere).
  [IdentityErrorCode.SsoLinkOtherBrowser]: ErrorKind.Forbidden,
};

export class IdentityException extends AppException {
  constructor(code: IdentityErrorCode, message: string, details?: { errors?: FieldError[]; [key: string]: unknown }) {
    super(KIND[code], code, message, details);
  }
}
