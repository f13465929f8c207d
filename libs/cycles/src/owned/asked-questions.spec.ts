import { askedQuestionSql, isAskedQuestion } from './asked-questions';

describe('asked questions of a cycle', () => {
  it('asks the whole framework when the cycle chose nothing (HR)', () => {
    expect(isAskedQuestion('listening', null)).toBe(true);
    expect(isAskedQuestion(null, null)).toBe(true);
  });

  it('asks only the chosen behaviours, and every open question', () => {
    expect(isAskedQuestion('listening', ['listening', 'trust'])).toBe(true);
    expect(isAskedQuestion('vision', ['listening', 'trust'])).toBe(false);
    expect(isAskedQuestion(null, ['listening'])).toBe(true);
  });

  it('says the same in SQL', () => {
    expect(askedQuestionSql('b.key', 'c.behaviour_keys')).toBe('(c.behaviour_keys IS NULL OR b.key IS NULL OR b.key = ANY(c.behaviour_keys))');
  });
});
