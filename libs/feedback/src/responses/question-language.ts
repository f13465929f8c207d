import type { Language } from '@lib/common';
import { localised } from '@lib/frameworks';
import type { QuestionRow } from './responses.repository';

/**
 * The questions as a reader of `language` sees them: each text, hint, behaviour name and
 * description in that language where the framework has it, else in the framework's own (English)
 * words (the rule is @lib/frameworks' localised, the row form of localisedSql). Ids, keys and
 * order never change: answers stay keyed by question id, whatever language the rater read, so a
 * report compares like with like.
 */
export function questionsIn(questions: readonly QuestionRow[], language: Language): QuestionRow[] {
  if (language === 'en') return [...questions];
  return questions.map((q) => ({
    ...q,
    text: localised(q.text, q.translations, language, 'text'),
    hint: localised(q.hint, q.translations, language, 'hint'),
    behaviour: q.behaviour && {
      ...q.behaviour,
      name: localised(q.behaviour.name, q.behaviour.translations, language, 'name'),
      description: localised(q.behaviour.description, q.behaviour.translations, language, 'description'),
    },
  }));
}
