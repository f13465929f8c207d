import { BEHAVIOUR_KINDS, DEFAULT_FRAMEWORK } from './default-framework.data';

const statements = DEFAULT_FRAMEWORK.behaviours.flatMap((b) => b.statements);

describe('DEFAULT_FRAMEWORK', () => {
  it('has the 12 behaviours of FRAMEWORK.md, in its order', () => {
    expect(DEFAULT_FRAMEWORK.behaviours.map((b) => b.key)).toEqual([
      'listening',
      'empathy',
      'trust',
      'vision',
      'influence',
      'conversations',
      'developing',
      'self_leadership',
      'adaptability',
      'organising',
      'resources',
      'results',
    ]);
  });

  it('gives every behaviour 2 or 3 statements', () => {
    const outOfRange = DEFAULT_FRAMEWORK.behaviours.filter((b) => b.statements.length < 2 || b.statements.length > 3).map((b) => b.key);
    expect(outOfRange).toEqual([]);
  });

  it('keeps the questionnaire between 25 and 32 statements, so raters do not tire', () => {
    expect(statements.length).toBeGreaterThanOrEqual(25);
    expect(statements.length).toBeLessThanOrEqual(32);
  });

  it('uses unique keys for behaviours, statements and open questions', () => {
    const unique = (keys: string[]) => new Set(keys).size === keys.length;
    expect(unique(DEFAULT_FRAMEWORK.behaviours.map((b) => b.key))).toBe(true);
    expect(unique(statements.map((s) => s.key))).toBe(true);
    expect(unique(statements.map((s) => s.text))).toBe(true);
    expect(unique(DEFAULT_FRAMEWORK.openQuestions.map((q) => q.key))).toBe(true);
  });

  it('prefixes each statement key with its behaviour key', () => {
    for (const behaviour of DEFAULT_FRAMEWORK.behaviours) {
      behaviour.statements.forEach((statement, index) => {
        expect(statement.key).toBe(`${behaviour.key}.${index + 1}`);
      });
    }
  });

  it('gives every behaviour a valid kind, with both indices fed', () => {
    for (const behaviour of DEFAULT_FRAMEWORK.behaviours) expect(BEHAVIOUR_KINDS).toContain(behaviour.kind);
    const kinds = DEFAULT_FRAMEWORK.behaviours.map((b) => b.kind);
    expect(kinds.filter((k) => k === 'influence')).toHaveLength(9);
    expect(kinds.filter((k) => k === 'management')).toHaveLength(3);
  });

  it('writes statements as short sentences without agreement-scale wording', () => {
    for (const statement of statements) {
      expect(statement.text).toMatch(/^[A-Z].{10,90}\.$/);
      expect(statement.text).not.toMatch(/\b(agree|I think|should)\b/i);
    }
  });

  it('rates on a five-point frequency scale with "Not observed" beside it', () => {
    expect(DEFAULT_FRAMEWORK.scale.kind).toBe('frequency');
    expect(DEFAULT_FRAMEWORK.scale.points).toEqual([
      { value: 1, label: 'Rarely' },
      { value: 2, label: 'Sometimes' },
      { value: 3, label: 'Often' },
      { value: 4, label: 'Very often' },
      { value: 5, label: 'Almost always' },
    ]);
    expect(DEFAULT_FRAMEWORK.scale.notObservedLabel).toBe('Not observed');
  });

  it('asks 3 open questions, each with a hint', () => {
    expect(DEFAULT_FRAMEWORK.openQuestions.map((q) => q.key)).toEqual(['keep_doing', 'greater_influence', 'anything_else']);
    for (const question of DEFAULT_FRAMEWORK.openQuestions) {
      expect(question.text).toMatch(/\?$/);
      expect(question.hint.length).toBeGreaterThan(20);
    }
  });
});
