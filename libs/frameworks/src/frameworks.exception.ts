import { AppException, ErrorKind, FieldError } from '@lib/common';

export enum FrameworksErrorCode {
  FrameworkNotFound = 'framework_not_found',
  VersionNotFound = 'framework_version_not_found',
  InvalidFramework = 'invalid_framework',
}

const KIND: Record<FrameworksErrorCode, ErrorKind> = {
  [FrameworksErrorCode.FrameworkNotFound]: ErrorKind.NotFound,
  [FrameworksErrorCode.VersionNotFound]: ErrorKind.NotFound,
  [FrameworksErrorCode.InvalidFramework]: ErrorKind.Validation,
};

export class FrameworksException extends AppException {
  declare readonly code: FrameworksErrorCode;

  constructor(code: FrameworksErrorCode, message: string, details?: { errors?: FieldError[]; [key: string]: unknown }) {
    super(KIND[code], code, message, details);
  }

  static frameworkNotFound(): FrameworksException {
    return new FrameworksException(FrameworksErrorCode.FrameworkNotFound, 'Framework not found');
  }
}
