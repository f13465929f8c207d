import { AppException, ErrorKind, FieldError } from '@lib/common';

export enum ReportsErrorCode {
  /** No such report, not visible to the actor, or not available yet: one answer for all three. */
  ReportNotFound = 'report_not_found',
  /** Said only to someone who will be able to read the report later (still a 404). */
  ReportNotAvailableYet = 'report_not_available_yet',
  /**
   * Said only to a reader whose own rating the report counted as anonymous and whom the role or
   * the frozen chart would otherwise let in (a 403: they know the report exists, they rated it).
   */
  ReportRatedAnonymously = 'report_rated_anonymously',
  CycleNotFound = 'cycle_not_found',
  /** Snapshots are written only once a cycle is closed. */
  CycleNotClosed = 'cycle_not_closed',
  InvalidMinCellSize = 'invalid_min_cell_size',
  /** A filter of the organisation view that names nothing in the cycle. */
  InvalidHeatmapFilter = 'invalid_heatmap_filter',
  /** No plan for this report, or not the actor's to see (a shared plan whose share ended is gone too). */
  PlanNotFound = 'plan_not_found',
  InvalidPlan = 'invalid_plan',
  /** Sharing needs a manager today. */
  NoManager = 'no_manager',
  /** A report of feedback the subject asked for, shared with someone it cannot be shown to. */
  InvalidShare = 'invalid_share',
  /** No pulse for this plan (or not the actor's to see). */
  PulseNotFound = 'pulse_not_found',
  /** A plan has one pulse. */
  PulseExists = 'pulse_exists',
  /** A pulse this plan cannot have: too few raters who can still be asked, people who cannot be added. */
  InvalidPulse = 'invalid_pulse',
  /** Only a pulse that is collecting answers can be closed. */
  PulseNotCollecting = 'pulse_not_collecting',
}

const KIND: Record<ReportsErrorCode, ErrorKind> = {
  [ReportsErrorCode.ReportNotFound]: ErrorKind.NotFound,
  [ReportsErrorCode.ReportNotAvailableYet]: ErrorKind.NotFound,
  [ReportsErrorCode.ReportRatedAnonymously]: ErrorKind.Forbidden,
  [ReportsErrorCode.CycleNotFound]: ErrorKind.NotFound,
  [ReportsErrorCode.CycleNotClosed]: ErrorKind.Conflict,
  [ReportsErrorCode.InvalidMinCellSize]: ErrorKind.Validation,
  [ReportsErrorCode.InvalidHeatmapFilter]: ErrorKind.Validation,
  [ReportsErrorCode.PlanNotFound]: ErrorKind.NotFound,
  [ReportsErrorCode.InvalidPlan]: ErrorKind.Validation,
  [ReportsErrorCode.NoManager]: ErrorKind.Conflict,
  [ReportsErrorCode.InvalidShare]: ErrorKind.Validation,
  [ReportsErrorCode.PulseNotFound]: ErrorKind.NotFound,
  [ReportsErrorCode.PulseExists]: ErrorKind.Conflict,
  [ReportsErrorCode.InvalidPulse]: ErrorKind.Validation,
  [ReportsErrorCode.PulseNotCollecting]: ErrorKind.Conflict,
};

export class ReportsException extends AppException {
  declare readonly code: ReportsErrorCode;

  constructor(code: ReportsErrorCode, message: string, details?: { errors?: FieldError[]; [key: string]: unknown }) {
    super(KIND[code], code, message, details);
  }

  static reportNotFound(): ReportsException {
    return new ReportsException(ReportsErrorCode.ReportNotFound, 'Report not found');
  }

  static notAvailableYet(): ReportsException {
    return new ReportsException(ReportsErrorCode.ReportNotAvailableYet, 'This report is not available yet');
  }

  static ratedAnonymously(): ReportsException {
    return new ReportsException(
      ReportsErrorCode.ReportRatedAnonymously,
      "You gave anonymous feedback for this report, so you cannot read it — this keeps every rater's answers anonymous",
    );
  }

  static invalidFilter(field: string, message: string): ReportsException {
    return new ReportsException(ReportsErrorCode.InvalidHeatmapFilter, message, { errors: [{ field, message }] });
  }

  static planNotFound(): ReportsException {
    return new ReportsException(ReportsErrorCode.PlanNotFound, 'Plan not found');
  }

  static invalidPlan(errors: FieldError[]): ReportsException {
    return new ReportsException(ReportsErrorCode.InvalidPlan, errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
  }

  static noManager(): ReportsException {
    return new ReportsException(ReportsErrorCode.NoManager, 'You have no manager to share the plan with');
  }

  static pulseNotFound(): ReportsException {
    return new ReportsException(ReportsErrorCode.PulseNotFound, 'No pulse for this plan');
  }

  static pulseExists(): ReportsException {
    return new ReportsException(ReportsErrorCode.PulseExists, 'You have already asked for a pulse on this plan');
  }

  static invalidPulse(errors: FieldError[]): ReportsException {
    return new ReportsException(ReportsErrorCode.InvalidPulse, errors.map((e) => e.message).join('; '), { errors });
  }

  static pulseNotCollecting(): ReportsException {
    return new ReportsException(ReportsErrorCode.PulseNotCollecting, 'The pulse is not collecting answers');
  }

  static cycleNotFound(): ReportsException {
    return new ReportsException(ReportsErrorCode.CycleNotFound, 'Cycle not found');
  }
}
