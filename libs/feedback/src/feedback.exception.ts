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
