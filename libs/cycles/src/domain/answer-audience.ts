import { translator, type Translator } from '@lib/common';
import type { CycleSettings } from './cycle-settings';
import type { FeedbackRelationship } from './request-rules';

/**
 * What becomes of one rater's answers about one subject in one cycle, so that every mail and the
 * questionnaire tell each rater the truth (the report follows reports/domain/anonymity.ts):
 * - `self`: the subject's own ratings, shown as "self" beside how others see them;
 * - `manager_shown`: the manager's ratings when the cycle shows the manager separately — shown on
 *   their own, labelled as the manager's (their comments are still never attributed);
 * - `combined`: everyone else's, the manager's too when the cycle pools it. A number is shown only
 *   when at least k anonymous raters gave it. A rater who may read the report (an HR admin; the
 *   manager when the cycle lets managers read reports) never counts towards k, so their answers
 *   always sit beside at least k other people's (`raterMayRead`).
 */
export type AnswerAudienceKind = 'self' | 'manager_shown' | 'combined';

export interface AnswerAudience {
  kind: AnswerAudienceKind;
  /** The cycle's k. */
  threshold: number;
  /** Combined answers of a rater who may read the report: they never count towards k. */
  raterMayRead: boolean;
}

export type AudienceSettings = Pick<CycleSettings, 'anonymityThreshold' | 'showManagerSeparately' | 'reportVisibility'>;

export function answerAudience(relationship: FeedbackRelationship, settings: AudienceSettings, rater: { isAdmin: boolean }): AnswerAudience {
  const threshold = settings.anonymityThreshold;
  if (relationship === 'self') return { kind: 'self', threshold, raterMayRead: false };
  if (relationship === 'manager' && settings.showManagerSeparately) return { kind: 'manager_shown', threshold, raterMayRead: false };
  const managerReads = relationship === 'manager' && settings.reportVisibility.manager !== 'never';
  return { kind: 'combined', threshold, raterMayRead: rater.isAdmin || managerReads };
}

/**
 * The sentence a rater reads about `subjects` (one name, or several as "Ann, Bo and Cy"), in the
 * questionnaire and in every mail: plain, only what is true of this rater in this cycle, and in the
 * rater's language (the server catalogue's `mail.cycle.audience.*`).
 */
export function explainAnswerAudience(audience: AnswerAudience, subjects: string, t: Translator = translator('en')): string {
  const k = audience.threshold;
  switch (audience.kind) {
    case 'self':
      return t.t('mail.cycle.audience.self');
    case 'manager_shown':
      return t.t('mail.cycle.audience.managerShown', { subjects });
    case 'combined':
      return t.t(audience.raterMayRead ? 'mail.cycle.audience.combinedReader' : 'mail.cycle.audience.combined', { subjects, k });
    default: {
      const exhaustive: never = audience.kind;
      return exhaustive;
    }
  }
}

/** "Ann", "Ann and Bo", "Ann, Bo and Cy". */
export function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
