import { AppException, ErrorKind, FieldError } from '@lib/common';

export enum CyclesErrorCode {
  CycleNotFound = 'cycle_not_found',
  SubjectNotFound = 'subject_not_found',
  FrameworkNotFound = 'framework_not_found',
  PeopleNotFound = 'people_not_found',
  InvalidSubjectSelection = 'invalid_subject_selection',
  SettingLocked = 'setting_locked',
  SubjectsLocked = 'subjects_locked',
  LaunchIncomplete = 'launch_incomplete',
  CycleNotRunning = 'cycle_not_running',
  RemindersTooSoon = 'reminders_too_soon',
  ReportsPending = 'reports_pending',
  SelfRequestsDisabled = 'self_requests_disabled',
  InvalidOwnedCycle = 'invalid_owned_cycle',
}

const KIND: Record<CyclesErrorCode, ErrorKind> = {
  [CyclesErrorCode.CycleNotFound]: ErrorKind.NotFound,
  [CyclesErrorCode.SubjectNotFound]: ErrorKind.NotFound,
  // Body fields naming something unknown: a validation error on that field, as for people's managers.
  [CyclesErrorCode.FrameworkNotFound]: ErrorKind.Validation,
  [CyclesErrorCode.PeopleNotFound]: ErrorKind.Validation,
  [CyclesErrorCode.InvalidSubjectSelection]: ErrorKind.Validation,
  [CyclesErrorCode.SettingLocked]: ErrorKind.Conflict,
  [CyclesErrorCode.SubjectsLocked]: ErrorKind.Conflict,
  [CyclesErrorCode.LaunchIncomplete]: ErrorKind.Validation,
  [CyclesErrorCode.CycleNotRunning]: ErrorKind.Conflict,
  [CyclesErrorCode.RemindersTooSoon]: ErrorKind.TooManyRequests,
  [CyclesErrorCode.ReportsPending]: ErrorKind.Conflict,
  // The organisation turned self-started feedback off: the person is not allowed, whatever they send.
  [CyclesErrorCode.SelfRequestsDisabled]: ErrorKind.Forbidden,
  [CyclesErrorCode.InvalidOwnedCycle]: ErrorKind.Validation,
};

export class CyclesException extends AppException {
  declare readonly code: CyclesErrorCode;

  constructor(code: CyclesErrorCode, message: string, details?: { errors?: FieldError[]; [key: string]: unknown }) {
    super(KIND[code], code, message, details);
  }

  static cycleNotFound(): CyclesException {
    return new CyclesException(CyclesErrorCode.CycleNotFound, 'Cycle not found');
  }

  static subjectNotFound(): CyclesException {
    return new CyclesException(CyclesErrorCode.SubjectNotFound, 'This person is not a subject of the cycle');
  }
}
