import { answerAudience, AudienceSettings, explainAnswerAudience, listNames } from './answer-audience';
import { translator } from '@lib/common';

const cycle = (over: Partial<AudienceSettings> = {}): AudienceSettings => ({
  anonymityThreshold: 3,
  showManagerSeparately: true,
  reportVisibility: { subject: 'on_release', manager: 'on_release' },
  ...over,
});
const member = { isAdmin: false };

describe('answerAudience', () => {
  it('shows self as self, and the manager on their own only when the cycle says so', () => {
    expect(answerAudience('self', cycle(), member).kind).toBe('self');
    expect(answerAudience('manager', cycle(), member)).toEqual({ kind: 'manager_shown', threshold: 3, raterMayRead: false });
    expect(answerAudience('manager', cycle({ showManagerSeparately: false }), member)).toEqual({ kind: 'combined', threshold: 3, raterMayRead: true });
  });

  it('counts a pooled manager as a reader unless the cycle keeps reports from managers', () => {
    expect(
      answerAudience('manager', cycle({ showManagerSeparately: false, reportVisibility: { subject: 'on_release', manager: 'never' } }), member).raterMayRead,
    ).toBe(false);
    expect(
      answerAudience('manager', cycle({ showManagerSeparately: false, reportVisibility: { subject: 'on_release', manager: 'on_close' } }), member).raterMayRead,
    ).toBe(true);
  });

  it('combines peers, direct reports and others; an HR admin among them may read the report', () => {
    for (const relationship of ['peer', 'direct_report', 'other'] as const) {
      expect(answerAudience(relationship, cycle({ anonymityThreshold: 5 }), member)).toEqual({ kind: 'combined', threshold: 5, raterMayRead: false });
      expect(answerAudience(relationship, cycle(), { isAdmin: true }).raterMayRead).toBe(true);
    }
  });
});

describe('explainAnswerAudience', () => {
  it('never promises a manager shown on their own that their ratings are combined', () => {
    const text = explainAnswerAudience(answerAudience('manager', cycle(), member), 'Zed');
    expect(text).toContain("labelled as the manager's");
    expect(text).not.toMatch(/combined/);
  });

  it('names k, and tells a reader they never count towards it', () => {
    expect(explainAnswerAudience(answerAudience('peer', cycle({ anonymityThreshold: 4 }), member), 'Pat')).toContain('at least 4 people gave it');
    const reader = explainAnswerAudience(answerAudience('peer', cycle(), { isAdmin: true }), 'Pat');
    expect(reader).toContain('at least 3 other people');
    expect(reader).toContain('never count towards those 3');
  });
  it("is worded in the rater's language", () => {
    const german = explainAnswerAudience(answerAudience('peer', cycle({ anonymityThreshold: 4 }), member), 'Pat', translator('de'));
    expect(german).toBe(
      'Ihre Antworten zu Pat werden mit denen anderer Personen zusammengefasst und nie einzeln gezeigt: Ein Wert erscheint nur, wenn mindestens 4 Personen ihn abgegeben haben, und niemand sieht, wer was gesagt hat.',
    );
  });
});

describe('listNames', () => {
  it('joins names in plain English', () => {
    expect([listNames(['Ann']), listNames(['Ann', 'Bo']), listNames(['Ann', 'Bo', 'Cy'])]).toEqual(['Ann', 'Ann and Bo', 'Ann, Bo and Cy']);
  });
});
