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
 * questionnaire and in every mail: plain, and only what is true of this rater in this cycle.
 */
export function explainAnswerAudience(audience: AnswerAudience, subjects: string): string {
  const k = audience.threshold;
  switch (audience.kind) {
    case 'self':
      return 'Your self-review is shown in your report as your own view, beside how others see you: that is where blind spots and hidden strengths show up.';
    case 'manager_shown':
      return (
        `As the manager of ${subjects}, your ratings are shown in the report on their own, labelled as the manager's, ` +
        'so they will know which ratings are yours. Your comments are never shown with your name.'
      );
    case 'combined':
      return audience.raterMayRead
        ? `Your answers about ${subjects} are combined with those of at least ${k} other people and never shown on their own; nobody sees who said what. ` +
            `As you may read the report yourself, your own answers never count towards those ${k}.`
        : `Your answers about ${subjects} are combined with other people's and never shown on their own: ` +
            `a number is shown only when at least ${k} people gave it, and nobody sees who said what.`;
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
