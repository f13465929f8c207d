import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '@lib/audit';
import { de } from '../../i18n/de';
import { en } from '../../i18n/en';
import { ACTION_WORDS, TARGET_WORDS, wordOf } from './audit-words';

describe('the audit trail in words', () => {
  it('has a message for every action the server can write, and none for an action it cannot', () => {
    expect(AUDIT_ACTIONS.filter((a) => !wordOf(ACTION_WORDS, a))).toEqual([]);
    expect(Object.keys(ACTION_WORDS).filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a))).toEqual([]);
  });

  it('has a message for every target type the server can write', () => {
    expect(AUDIT_TARGET_TYPES.filter((type) => !wordOf(TARGET_WORDS, type))).toEqual([]);
  });

  it('words every action differently in each language (no two actions read the same)', () => {
    for (const catalogue of [en, de]) {
      const texts = AUDIT_ACTIONS.map((a) => catalogue[wordOf(ACTION_WORDS, a)!]);
      expect(texts.filter((text, i) => texts.indexOf(text) !== i)).toEqual([]);
    }
  });

  it('leaves an unknown code to be shown as it is', () => {
    expect(wordOf(ACTION_WORDS, 'constructor')).toBeUndefined();
  });
});
