import { AppException, ErrorKind, FieldError } from '@lib/common';

export enum FeedbackErrorCode {
  RequestNotFound = 'request_not_found',
  SubjectNotFound = 'subject_not_found',
  CycleNotFound = 'cycle_not_found',
  NotAllowed = 'not_allowed',
  /** The cycle is closed or released (or not launched yet): drafts and submits are refused, the draft is kept. */
  CycleNotOpen = 'cycle_not_open',
  /** Approve or reject on a request that is no longer a proposal (message never names the real state). */
  NotAwaitingApproval = 'not_awaiting_approval',
  /** The subject may withdraw only their own proposals. */
  NotWithdrawable = 'not_withdrawable',
  AlreadySubmitted = 'already_submitted',
  RatersRefused = 'raters_refused',
  InvalidAnswers = 'invalid_answers',
  IncompleteSubmission = 'incomplete_submission',
  IdempotencyKeyReused = 'idempotency_key_reused',
  InvalidIdempotencyKey = 'invalid_idempotency_key',
  InvalidQuery = 'invalid_query',
  /** A CSV import would deactivate more than half of the active people and was not confirmed with that number. */
  ImportNeedsConfirmation = 'import_confirmation_required',
  ExternalRaterNotFound = 'external_rater_not_found',
  /** The same address is already invited for this subject in this cycle. */
  ExternalRaterDuplicate = 'external_rater_duplicate',
  TooManyExternalRaters = 'too_many_external_raters',
  /** The link is unknown, spent, expired, revoked, or its cycle no longer collects answers (never which). */
  ExternalLinkInvalid = 'external_link_invalid',
  /** No live credential of an external rater: never opened, expired, or spent by the submission. */
  ExternalAccessInvalid = 'external_access_invalid',
  TooManyLinkAttempts = 'too_many_link_attempts',
}

const KIND: Record<FeedbackErrorCode, ErrorKind> = {
  [FeedbackErrorCode.RequestNotFound]: ErrorKind.NotFound,
  [FeedbackErrorCode.SubjectNotFound]: ErrorKind.NotFound,
  [FeedbackErrorCode.CycleNotFound]: ErrorKind.NotFound,
  [FeedbackErrorCode.NotAllowed]: ErrorKind.Forbidden,
  [FeedbackErrorCode.CycleNotOpen]: ErrorKind.Conflict,
  [FeedbackErrorCode.NotAwaitingApproval]: ErrorKind.Conflict,
  [FeedbackErrorCode.NotWithdrawable]: ErrorKind.Conflict,
  [FeedbackErrorCode.AlreadySubmitted]: ErrorKind.Conflict,
  [FeedbackErrorCode.RatersRefused]: ErrorKind.Conflict,
  [FeedbackErrorCode.InvalidAnswers]: ErrorKind.Validation,
  [FeedbackErrorCode.IncompleteSubmission]: ErrorKind.Validation,
  [FeedbackErrorCode.IdempotencyKeyReused]: ErrorKind.Validation,
  [FeedbackErrorCode.InvalidIdempotencyKey]: ErrorKind.BadRequest,
  [FeedbackErrorCode.InvalidQuery]: ErrorKind.BadRequest,
  [FeedbackErrorCode.ImportNeedsConfirmation]: ErrorKind.Conflict,
  [FeedbackErrorCode.ExternalRaterNotFound]: ErrorKind.NotFound,
  [FeedbackErrorCode.ExternalRaterDuplicate]: ErrorKind.Conflict,
  [FeedbackErrorCode.TooManyExternalRaters]: ErrorKind.Conflict,
  [FeedbackErrorCode.ExternalLinkInvalid]: ErrorKind.NotFound,
  [FeedbackErrorCode.ExternalAccessInvalid]: ErrorKind.Unauthorized,
  [FeedbackErrorCode.TooManyLinkAttempts]: ErrorKind.TooManyRequests,
};

export class FeedbackException extends AppException {
  declare readonly code: FeedbackErrorCode;

  constructor(code: FeedbackErrorCode, message: string, details?: { errors?: FieldError[]; [key: string]: unknown }) {
    super(KIND[code], code, message, details);
  }
}

export const requestNotFound = (): FeedbackException => new FeedbackException(FeedbackErrorCode.RequestNotFound, 'Feedback request not found');
export const subjectNotFound = (): FeedbackException => new FeedbackException(FeedbackErrorCode.SubjectNotFound, 'Subject not found in this cycle');
export const cycleNotFound = (): FeedbackException => new FeedbackException(FeedbackErrorCode.CycleNotFound, 'Cycle not found');
