/**
 * Framework words in a reader's language: one rule, used wherever the API sends a behaviour's
 * name or description, or a statement's or open question's text, to a reader.
 *
 * A translation is used when the framework carries one for that language and field and it is not
 * blank; otherwise the framework's own words. Only the words change: every caller still selects,
 * groups and joins by id or key, so a reader of any language compares like with like.
 */

/** The framework's translated fields: behaviours have name and description, questions text and hint. */
type TranslatedField = 'name' | 'description' | 'text' | 'hint';

const FIELDS: readonly TranslatedField[] = ['name', 'description', 'text', 'hint'];
const ALIAS = /^[a-z_][a-z0-9_]*$/;
const PARAMETER = /^\$[1-9][0-9]*$/;

/**
 * The SQL of `alias.field` in the language bound to `language` (a parameter such as `$3`): the
 * row's `translations -> language ->> field` when not blank, else `alias.field`. A language of
 * NULL (or one the framework lacks) gives the framework's own words.
 */
export function localisedSql(alias: string, field: TranslatedField, language: string): string {
  // Built into SQL text: only identifiers and placeholders this code chose, never input.
  if (!ALIAS.test(alias) || !FIELDS.includes(field) || !PARAMETER.test(language))
    throw new Error(`localisedSql: bad arguments ${alias}, ${field}, ${language}`);
  return `COALESCE(NULLIF(btrim(${alias}.translations -> ${language}::text ->> '${field}'), ''), ${alias}.${field})`;
}

/** A framework row's stored translations: language → field → words. */
export type FrameworkTranslations = Readonly<Record<string, Readonly<Record<string, string | null | undefined>> | undefined>>;

/**
 * The same rule as localisedSql, for a row already read: `translations[language][field]` when
 * not blank, else `source` (the framework's own words, which may be null: a German hint is
 * shown even where the English question has none).
 */
export function localised<Source extends string | null>(
  source: Source,
  translations: FrameworkTranslations,
  language: string,
  field: TranslatedField,
): string | Source {
  const value = translations[language]?.[field];
  return typeof value === 'string' && value.trim() ? value : source;
}
