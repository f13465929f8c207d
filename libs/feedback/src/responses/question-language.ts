import type { Language } from '@lib/common';
import type { QuestionRow, StoredTranslations } from './responses.repository';

const translated = (translations: StoredTranslations, language: Language, field: string): string | null => {
  const value = translations[language]?.[field];
  return typeof value === 'string' && value.trim() ? value : null;
};

/**
 * The questions as a reader of `language` sees them: each text, hint, behaviour name and
 * description in that language where the framework has it, else in the framework's own (English)
 * words. Ids, keys and order never change: answers stay keyed by question id, whatever language
 * the rater read, so a report compares like with like.
 */
export function questionsIn(questions: readonly QuestionRow[], language: Language): QuestionRow[] {
  if (language === 'en') return [...questions];
  return questions.map((q) => ({
    ...q,
    text: translated(q.translations, language, 'text') ?? q.text,
    hint: q.hint === null ? null : (translated(q.translations, language, 'hint') ?? q.hint),
    behaviour: q.behaviour && {
      ...q.behaviour,
      name: translated(q.behaviour.translations, language, 'name') ?? q.behaviour.name,
      description: translated(q.behaviour.translations, language, 'description') ?? q.behaviour.description,
    },
  }));
}
