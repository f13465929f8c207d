import type { FieldError } from '@lib/common';

/** The most colleagues one report is shared with at once. */
export const MAX_REPORT_SHARES = 20;

/** What the owner's share decision needs to know of the colleague, read in the share's transaction. */
export interface ShareFacts {
  subjectId: string;
  personId: string;
  /** An active person of the organisation. */
  active: boolean;
  /** Asked for feedback in this cycle, in whatever state: the owner chose them, so saying so tells nothing new. */
  askedInCycle: boolean;
  /** Colleagues the report is shared with now, the person left out. */
  sharedWithOthers: number;
}

/**
 * Whom the owner of a self-started report (or a pulse) may share it with: an active colleague who
 * was NOT asked for feedback in that cycle. A rater reads the report knowing their own answers and
 * could subtract them from a group's numbers, leaving fewer than k (DESIGN.md, "readers never
 * count"); the report already counted them as anonymous, so the access decision would refuse them
 * anyway — the rule refuses the share up front, with a reason the owner already knows (they chose
 * their raters), never one about who answered. At most MAX_REPORT_SHARES at once.
 */
export function checkShare(facts: ShareFacts): FieldError[] {
  if (facts.personId === facts.subjectId)
    return [{ field: 'personId', message: 'The report is yours already: share it with a colleague', key: 'error.share.self' }];
  if (!facts.active) return [{ field: 'personId', message: 'personId is not an active person of your organisation', key: 'error.share.inactive' }];
  if (facts.askedInCycle) {
    return [
      {
        field: 'personId',
        message: 'You asked this colleague for feedback here: their own answers are in the report, so it cannot be shown to them',
        key: 'error.share.rater',
      },
    ];
  }
  if (facts.sharedWithOthers >= MAX_REPORT_SHARES)
    return [
      {
        field: 'personId',
        message: `A report can be shared with at most ${MAX_REPORT_SHARES} colleagues`,
        key: 'error.share.limit',
        values: { max: MAX_REPORT_SHARES },
      },
    ];
  return [];
}
