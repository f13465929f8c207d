import type { ErrorMessageKey } from '../i18n/errors.en';

/**
 * The kinds of failure a domain library may report. The exception filter maps each kind to
 * one HTTP status with an exhaustive switch, so adding a kind without a mapping fails to compile.
 */
export enum ErrorKind {
  BadRequest = 'bad_request',
  Validation = 'validation',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  /** Existed once and never will again (the first-run set-up, once used). */
  Gone = 'gone',
  PayloadTooLarge = 'payload_too_large',
  TooManyRequests = 'too_many_requests',
}

export interface FieldError {
  field: string;
  message: string;
  line?: number;
  /**
   * The message's words in the server catalogue (errors.en.ts), with its ICU values; `field` is
   * given as the field's label. The error filter writes the message in the reader's language from
   * them and never sends them.
   */
  key?: ErrorMessageKey;
  values?: Record<string, string | number>;
}

/** Base class of every domain error. `code` is a stable, machine-readable string per library. */
export class AppException extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: { errors?: FieldError[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = new.target.name;
  }

  static notFound(what: string): AppException {
    return new AppException(ErrorKind.NotFound, 'not_found', `${what} not found`);
  }
}
