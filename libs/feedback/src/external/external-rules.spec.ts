import { inviteDecision, MAX_EXTERNAL_RATERS_PER_SUBJECT, shownState } from './external-rules';

describe('inviteDecision', () => {
  const ctx = (overrides: Partial<Parameters<typeof inviteDecision>[1]> = {}): Parameters<typeof inviteDecision>[1] => ({
    subjectId: 'subject',
    cycleState: 'collecting',
    settings: { externalRatersAllowed: true, managerApprovesExternalRaters: true },
    liveCount: 0,
    ...overrides,
  });
  const subject = { personId: 'subject', role: 'member' as const };
  const hr = { personId: 'hr', role: 'admin' as const };

  it('lets the subject propose, for the manager (or HR, without a manager) to approve when the cycle asks for it', () => {
    expect(inviteDecision(subject, ctx())).toEqual({ ok: true, state: 'proposed' });
    expect(inviteDecision(subject, ctx({ settings: { externalRatersAllowed: true, managerApprovesExternalRaters: false } }))).toEqual({
      ok: true,
      state: 'invited',
    });
  });

  it('lets HR invite directly', () => {
    expect(inviteDecision(hr, ctx())).toEqual({ ok: true, state: 'invited' });
  });

  it('refuses anyone else, a cycle that does not allow it, a cycle not collecting, and past the cap', () => {
    expect(inviteDecision({ personId: 'colleague', role: 'member' }, ctx())).toEqual({ ok: false, refusal: 'not_allowed' });
    expect(inviteDecision(hr, ctx({ settings: { externalRatersAllowed: false, managerApprovesExternalRaters: false } }))).toEqual({
      ok: false,
      refusal: 'not_allowed',
    });
    expect(inviteDecision(hr, ctx({ cycleState: 'closed' }))).toEqual({ ok: false, refusal: 'cycle_not_open' });
    expect(inviteDecision(hr, ctx({ cycleState: 'draft' }))).toEqual({ ok: false, refusal: 'cycle_not_open' });
    expect(inviteDecision(subject, ctx({ liveCount: MAX_EXTERNAL_RATERS_PER_SUBJECT }))).toEqual({ ok: false, refusal: 'too_many' });
  });
});

describe('shownState', () => {
  it('never tells an inviter whether the external rater has answered', () => {
    expect(shownState('submitted')).toBe('invited');
    expect(shownState('invited')).toBe('invited');
    expect(shownState('proposed')).toBe('proposed');
  });
});
