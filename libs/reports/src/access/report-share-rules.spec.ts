import { checkShare, MAX_REPORT_SHARES, ShareFacts } from './report-share-rules';

const base: ShareFacts = { subjectId: 's', personId: 'p', active: true, askedInCycle: false, sharedWithOthers: 0 };

describe('checkShare', () => {
  it('lets the owner share with an active colleague who was not asked', () => {
    expect(checkShare(base)).toEqual([]);
  });

  it('refuses the owner themself, a leaver or a stranger, and anyone asked in the cycle', () => {
    expect(checkShare({ ...base, personId: 's' })[0].field).toBe('personId');
    expect(checkShare({ ...base, active: false })[0].message).toMatch(/not an active person/);
    expect(checkShare({ ...base, askedInCycle: true })[0].message).toMatch(/asked this colleague/);
  });

  it('caps the number of colleagues', () => {
    expect(checkShare({ ...base, sharedWithOthers: MAX_REPORT_SHARES - 1 })).toEqual([]);
    expect(checkShare({ ...base, sharedWithOthers: MAX_REPORT_SHARES })[0].message).toMatch(/at most/);
  });
});
