import { cycleMailHiddenFrom } from './rater-privacy';

describe('cycleMailHiddenFrom', () => {
  it('hides a mail to a rater from every subject they were asked about, once each, but not from themself', () => {
    expect(cycleMailHiddenFrom('rater', ['b-subject', 'rater', 'a-subject', 'b-subject'])).toEqual(['a-subject', 'b-subject']);
  });

  it('hides nothing when the rater was asked only for a self-review', () => {
    expect(cycleMailHiddenFrom('rater', ['rater'])).toEqual([]);
  });
});
