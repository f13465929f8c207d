import { AppException, ErrorKind, FieldError } from '@lib/common';

export enum OrganizationsErrorCode {
  InvalidSettings = 'invalid_organization_settings',
  OrganizationExists = 'organization_exists',
  SetupCodeInvalid = 'setup_code_invalid',
  SetupComplete = 'setup_complete',
  TooManySetupAttempts = 'too_many_setup_attempts',
}

const KIND: Record<OrganizationsErrorCode, ErrorKind> = {
  [OrganizationsErrorCode.InvalidSettings]: ErrorKind.Validation,
  [OrganizationsErrorCode.OrganizationExists]: ErrorKind.Conflict,
  [OrganizationsErrorCode.SetupCodeInvalid]: ErrorKind.Forbidden,
  [OrganizationsErrorCode.SetupComplete]: ErrorKind.Gone,
  [OrganizationsErrorCode.TooManySetupAttempts]: ErrorKind.TooManyRequests,
};

export class OrganizationsException extends AppException {
  declare readonly code: OrganizationsErrorCode;

  constructor(code: OrganizationsErrorCode, message: string, details?: { errors?: FieldError[]; [key: string]: unknown }) {
    super(KIND[code], code, message, details);
  }

  static invalid(errors: FieldError[]): OrganizationsException {
    return new OrganizationsException(OrganizationsErrorCode.InvalidSettings, errors.map((e) => e.message).join('; '), { errors });
  }

  static setupComplete(): OrganizationsException {
    return new OrganizationsException(OrganizationsErrorCode.SetupComplete, 'This Ripple is already set up. Sign in instead.');
  }
}
