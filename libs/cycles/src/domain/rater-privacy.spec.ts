import fc from 'fast-check';
import { REQUEST_STATES, type RequestState } from './request-rules';
import {
  answerProgressHiddenSql,
  ASKED_AS,
  ASKED_STATES,
  cycleMailHiddenFrom,
  type ProgressViewer,
  seesAnswerProgress,
  stateAsSeen,
  stateAsSeenSql,
} from './rater-privacy';

const state = fc.constantFrom(...REQUEST_STATES);
const viewer = fc.record({ isAdmin: fc.boolean(), isSubject: fc.boolean(), isRater: fc.boolean() });
/** A subject's requests: what they can read of them is each one's state as seen. */
const requests = fc.array(state, { minLength: 1, maxLength: 12 });
/** Raters answering: every request that was asked moves to any asked state (started, submitted, or not). */
const answering = (states: RequestState[]) =>
  fc.tuple(...states.map((s) => (ASKED_STATES.includes(s) ? fc.constantFrom(...ASKED_STATES) : fc.constant(s)))).map((next) => next);

type Rule = (s: RequestState, progressVisible: boolean) => RequestState;

/** The leak the rule must prevent: the subject's side reads a difference after raters answered. */
function leaks(rule: Rule): boolean {
  const check = fc.property(
    requests.chain((before) => fc.tuple(fc.constant(before), answering(before))),
    ([before, after]) => {
      const view = (states: RequestState[]) => states.map((s) => rule(s, false));
      return JSON.stringify(view(before)) === JSON.stringify(view(after));
    },
  );
  return fc.check(check, { numRuns: 300, seed: 42 }).failed;
}

describe('rater privacy: a subject never learns which of their raters answered', () => {
  it('the leak check catches naive rules before trusting it', () => {
    expect(leaks((s) => s)).toBe(true); // the real state
    expect(leaks((s) => (s === 'submitted' ? 'open' : s))).toBe(true); // hides answers, not drafts
    expect(leaks((s) => (s === 'in_progress' ? 'open' : s))).toBe(true);
    expect(leaks(stateAsSeen)).toBe(false);
  });

  it('whatever raters do, the subject side reads the same list', () => {
    fc.assert(
      fc.property(
        requests.chain((before) => fc.tuple(fc.constant(before), answering(before))),
        ([before, after]) => {
          expect(before.map((s) => stateAsSeen(s, false))).toEqual(after.map((s) => stateAsSeen(s, false)));
        },
      ),
    );
  });

  it('keeps what the subject is told anyway (proposed, declined, rejected) and shows everything with progress sight', () => {
    fc.assert(
      fc.property(state, (s) => {
        expect(stateAsSeen(s, true)).toBe(s);
        expect(stateAsSeen(s, false)).toBe(ASKED_STATES.includes(s) ? ASKED_AS : s);
      }),
    );
    expect(REQUEST_STATES.map((s) => stateAsSeen(s, false))).toEqual(['proposed', 'open', 'open', 'open', 'declined', 'rejected']);
  });

  it('reads a request withdrawn with its subject as asked (only unanswered ones are withdrawn), except with progress sight', () => {
    expect(stateAsSeen('declined', false, true)).toBe(ASKED_AS);
    expect(stateAsSeen('declined', true, true)).toBe('declined');
    expect(stateAsSeen('rejected', false, true)).toBe('rejected');
  });

  it('shows progress only to the rater themself and to HR about others, never to the subject', () => {
    fc.assert(
      fc.property(viewer, (v: ProgressViewer) => {
        expect(seesAnswerProgress(v)).toBe(v.isRater || (v.isAdmin && !v.isSubject));
        if (v.isSubject && !v.isRater) expect(seesAnswerProgress(v)).toBe(false);
        if (!v.isAdmin && !v.isRater) expect(seesAnswerProgress(v)).toBe(false);
      }),
    );
  });

  it('writes the same rule in SQL, from the same constants', () => {
    expect(answerProgressHiddenSql('fr', '$3', true)).toBe('((fr.subject_id = $3 AND fr.rater_id <> $3))');
    expect(answerProgressHiddenSql('f', '$6', false)).toBe('((f.subject_id = $6 AND f.rater_id <> $6) OR (f.subject_id <> $6 AND f.rater_id <> $6))');
    expect(stateAsSeenSql('fr', 'h')).toBe(
      `(CASE WHEN h AND (fr.state IN ('open', 'in_progress', 'submitted') OR (fr.state = 'declined' AND fr.withdrawn_at IS NOT NULL)) THEN 'open' ELSE fr.state END)`,
    );
  });
});

describe('cycleMailHiddenFrom', () => {
  it('hides a mail to a rater from every subject they were asked about, once each, but not from themself', () => {
    expect(cycleMailHiddenFrom('rater', ['b-subject', 'rater', 'a-subject', 'b-subject'])).toEqual(['a-subject', 'b-subject']);
  });

  it('hides nothing when the rater was asked only for a self-review', () => {
    expect(cycleMailHiddenFrom('rater', ['rater'])).toEqual([]);
  });
});
