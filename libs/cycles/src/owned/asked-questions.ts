/**
 * THE rule of which questions a cycle asks, in one place: a cycle a person owns (a self-started
 * 360, a pulse) asks only the statements of the behaviours its owner chose (cycles.behaviour_keys),
 * and every open question; HR's cycles (behaviour_keys null) ask the whole framework. The
 * questionnaire, the raters' progress totals and the report snapshot all filter with it, so a
 * report never shows a behaviour nobody was asked about.
 */
export function isAskedQuestion(behaviourKey: string | null, chosenKeys: readonly string[] | null): boolean {
  return chosenKeys === null || behaviourKey === null || chosenKeys.includes(behaviourKey);
}

/**
 * isAskedQuestion in SQL: `behaviourKey` is the question's behaviour key (null for an open
 * question), `chosenKeys` the cycle's behaviour_keys (a text[] column or parameter).
 */
export const askedQuestionSql = (behaviourKey: string, chosenKeys: string): string =>
  `(${chosenKeys} IS NULL OR ${behaviourKey} IS NULL OR ${behaviourKey} = ANY(${chosenKeys}))`;
