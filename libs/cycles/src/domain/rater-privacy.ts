/**
 * A subject never learns which of their raters have answered (DESIGN.md, "Who may see what") —
 * not even an HR admin who is a subject, and not through an admin view. Progress views mask the
 * viewer's own requests (request-counts.ts, progressHidden); mail is different, because a mail's
 * very existence speaks: a reminder to a rater is sent only while they still owe answers, so
 * showing it with the subject's name masked — or hiding only the mails that name the subject —
 * would still tell the subject that this rater has (or has not) answered about them.
 *
 * So a cycle mail to a rater (invitation or reminder) is hidden from every subject that rater was
 * asked about in the cycle, in whatever state (asked, answered, declined, …), except the rater
 * themself (their own mail tells them nothing about others). Who was asked is what the subject
 * knows anyway, so the set of mails hidden from them reveals nothing either.
 */
export function cycleMailHiddenFrom(raterId: string, subjectIdsOfRater: readonly string[]): string[] {
  return [...new Set(subjectIdsOfRater)].filter((id) => id !== raterId).sort();
}
