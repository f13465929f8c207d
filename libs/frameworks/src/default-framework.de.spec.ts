import { DEFAULT_FRAMEWORK } from './default-framework.data';
import { DEFAULT_FRAMEWORK_DE } from './default-framework.de';
import { contentOf, withGerman } from './framework-definition';
import { FRAMEWORK_LIMITS } from './framework-definition';

describe('the default framework in German', () => {
  it('translates exactly every behaviour, statement and open question, no more', () => {
    expect(Object.keys(DEFAULT_FRAMEWORK_DE.behaviours).sort()).toEqual(DEFAULT_FRAMEWORK.behaviours.map((b) => b.key).sort());
    expect(Object.keys(DEFAULT_FRAMEWORK_DE.statements).sort()).toEqual(DEFAULT_FRAMEWORK.behaviours.flatMap((b) => b.statements.map((s) => s.key)).sort());
    expect(Object.keys(DEFAULT_FRAMEWORK_DE.openQuestions).sort()).toEqual(DEFAULT_FRAMEWORK.openQuestions.map((q) => q.key).sort());
  });

  it('keeps within the limits the English wording keeps, and never addresses the person rated as "du"', () => {
    const content = withGerman(contentOf(DEFAULT_FRAMEWORK));
    for (const b of content.behaviours) {
      expect(b.translations?.de?.name.length).toBeLessThanOrEqual(FRAMEWORK_LIMITS.behaviourName);
      expect(b.translations?.de?.description.length).toBeLessThanOrEqual(FRAMEWORK_LIMITS.behaviourDescription);
      for (const s of b.statements) {
        const text = s.translations?.de?.text ?? '';
        expect(text.length).toBeGreaterThan(10);
        expect(text.length).toBeLessThanOrEqual(FRAMEWORK_LIMITS.statementText);
        expect(text).not.toMatch(/\b(du|dich|dir|dein\w*)\b/i);
      }
    }
    for (const q of content.openQuestions) expect(q.translations?.de?.text).toMatch(/\?$/);
  });
});
