import { checkSelfRequest, fewestRaters, pulseRaters, SelfRequestFacts } from './self-request-rules';

const people = ['me', 'ana', 'ben', 'cleo', 'dev', 'eli', 'fay'];

function facts(overrides: Partial<SelfRequestFacts> = {}, settings: Partial<SelfRequestFacts['settings']> = {}): SelfRequestFacts {
  return {
    settings: { selfRequestsEnabled: true, selfRequestMinRaters: 3, selfRequestMaxBehaviours: 2, raterOpenRequestCap: 4, ...settings },
    threshold: 3,
    behaviourKeys: new Set(['listening', 'trust', 'vision']),
    activePeople: new Set(people),
    openRequests: new Map(),
    ...overrides,
  };
}

const fields = (errors: { field: string; message: string }[]) => errors.map((e) => e.field);

describe('checkSelfRequest', () => {
  const request = { subjectId: 'me', behaviourKeys: ['listening', 'trust'], raterIds: ['ana', 'ben', 'cleo'] };

  it('accepts a request within the limits', () => {
    expect(checkSelfRequest(request, facts())).toEqual([]);
  });

  it('is refused outright when the organisation turned it off', () => {
    expect(fields(checkSelfRequest(request, facts({}, { selfRequestsEnabled: false })))).toEqual(['selfRequestsEnabled']);
  });

  it('never asks fewer raters than k, even when the setting says fewer', () => {
    expect(fewestRaters(facts({ threshold: 5 }, { selfRequestMinRaters: 3 }))).toBe(5);
    expect(checkSelfRequest(request, facts({ threshold: 4 }))).toEqual([{ field: 'raterIds', message: 'raterIds must name at least 4 people' }]);
    expect(checkSelfRequest(request, facts({}, { selfRequestMinRaters: 4 }))[0].message).toBe('raterIds must name at least 4 people');
  });

  it('holds the behaviours to 1..max, distinct, from the framework', () => {
    const f = facts();
    expect(checkSelfRequest({ ...request, behaviourKeys: [] }, f)[0].message).toContain('at least one');
    expect(checkSelfRequest({ ...request, behaviourKeys: ['listening', 'trust', 'vision'] }, f)[0].message).toContain('at most 2');
    expect(checkSelfRequest({ ...request, behaviourKeys: ['trust', 'trust'] }, f)[0].message).toContain('repeat');
    expect(checkSelfRequest({ ...request, behaviourKeys: ['charisma'] }, f)[0].message).toContain('charisma');
  });

  it('refuses the subject, repeats, people of elsewhere or who left, and raters at the cap across every cycle', () => {
    const f = facts({
      activePeople: new Set(people.filter((p) => p !== 'dev')),
      openRequests: new Map([
        ['eli', 4],
        ['fay', 3],
      ]),
    });
    expect(checkSelfRequest({ ...request, raterIds: ['me', 'ana', 'ben'] }, f)[0].message).toContain('yourself');
    expect(checkSelfRequest({ ...request, raterIds: ['ana', 'ana', 'ben'] }, f)[0].message).toContain('repeat');
    expect(checkSelfRequest({ ...request, raterIds: ['ana', 'ben', 'dev'] }, f)[0].message).toContain('dev');
    const full = checkSelfRequest({ ...request, raterIds: ['ana', 'ben', 'eli'] }, f);
    expect(full).toHaveLength(1);
    expect(full[0].message).toContain('eli');
    // One under the cap still has room.
    expect(checkSelfRequest({ ...request, raterIds: ['ana', 'ben', 'fay'] }, f)).toEqual([]);
  });
});

describe('pulseRaters', () => {
  it('asks the original raters still active and with room, then the added ones, never the subject', () => {
    const f = facts({ activePeople: new Set(people.filter((p) => p !== 'ben')), openRequests: new Map([['cleo', 4]]) });
    expect(pulseRaters('me', ['me', 'ana', 'ben', 'cleo', 'dev'], ['eli'], f)).toEqual({ ok: true, raterIds: ['ana', 'dev', 'eli'] });
  });

  it('refuses added raters that are already asked, at the cap, or unknown', () => {
    const f = facts({ openRequests: new Map([['fay', 9]]) });
    const result = (added: string[]) => pulseRaters('me', ['ana', 'ben', 'cleo'], added, f);
    expect(result(['ana'])).toMatchObject({ ok: false, errors: [{ field: 'addRaterIds' }] });
    expect(result(['fay'])).toMatchObject({ ok: false, errors: [{ field: 'addRaterIds' }] });
    expect(result(['stranger'])).toMatchObject({ ok: false, errors: [{ field: 'addRaterIds' }] });
    expect(result(['me'])).toMatchObject({ ok: false, errors: [{ field: 'addRaterIds' }] });
  });

  it('needs at least k raters in all, so that the pulse can show something', () => {
    const f = facts({ threshold: 4 });
    expect(pulseRaters('me', ['ana', 'ben', 'cleo'], [], f)).toMatchObject({ ok: false, errors: [{ field: 'addRaterIds' }] });
    expect(pulseRaters('me', ['ana', 'ben', 'cleo'], ['dev'], f)).toEqual({ ok: true, raterIds: ['ana', 'ben', 'cleo', 'dev'] });
  });
});
