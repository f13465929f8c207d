import { questionsIn } from './question-language';
import type { QuestionRow } from './responses.repository';

const behaviour = {
  id: 'b1',
  key: 'listening',
  name: 'Listening',
  description: 'Listens.',
  kind: 'influence' as const,
  translations: { de: { name: 'Zuhören', description: 'Hört zu.' } },
};
const rows: QuestionRow[] = [
  {
    id: 'q1',
    key: 'listening.1',
    type: 'rating',
    text: 'Lets others finish.',
    hint: null,
    behaviour,
    translations: { de: { text: 'Lässt andere ausreden.' } },
  },
  { id: 'q2', key: 'listening.2', type: 'rating', text: 'Checks first.', hint: null, behaviour, translations: {} },
  {
    id: 'q3',
    key: 'open_1',
    type: 'open',
    text: 'Keep doing?',
    hint: 'Be specific.',
    behaviour: null,
    translations: { de: { text: 'Beibehalten?', hint: '' } },
  },
];

describe('questionsIn', () => {
  it('gives a German reader the German texts, keeping every id, key and the order', () => {
    const de = questionsIn(rows, 'de');
    expect(de.map((q) => [q.id, q.key, q.text, q.hint, q.behaviour?.name])).toEqual([
      ['q1', 'listening.1', 'Lässt andere ausreden.', null, 'Zuhören'],
      // Untranslated (or blank) fields fall back to the framework's own words.
      ['q2', 'listening.2', 'Checks first.', null, 'Zuhören'],
      ['q3', 'open_1', 'Beibehalten?', 'Be specific.', undefined],
    ]);
    expect(de[0].behaviour?.description).toBe('Hört zu.');
  });

  it('shows a German hint where the English question has none (the same rule as the report and the SQL)', () => {
    const withGermanHint: QuestionRow = { ...rows[1], hint: null, translations: { de: { hint: 'Zum Beispiel in Besprechungen.' } } };
    expect(questionsIn([withGermanHint], 'de')[0].hint).toBe('Zum Beispiel in Besprechungen.');
    expect(questionsIn([withGermanHint], 'en')[0].hint).toBeNull();
  });

  it('leaves English as written', () => {
    expect(questionsIn(rows, 'en').map((q) => q.text)).toEqual(['Lets others finish.', 'Checks first.', 'Keep doing?']);
  });
});
