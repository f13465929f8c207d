import type { FieldError } from '../errors/app.exception';

/**
 * C0 control characters other than tab, line feed and carriage return. PostgreSQL cannot store
 * NUL in text at all (a 500 if it reached a query), and the others have no place in a name, a
 * comment or a search term: they come from broken clients or probing, never from a person typing.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/**
 * No request of this API nests deeper than a handful of levels; class-transformer copies bodies
 * recursively, so a body of 100,000 nested arrays would overflow its stack (a 500).
 */
export const MAX_INPUT_DEPTH = 32;

/** Enough to fix a request; a body stuffed with thousands must not make a megabyte of error. */
const MAX_REPORTED = 20;

export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);

export const controlCharacterMessage = (field: string): string => `${field} must not contain control characters such as NUL`;

/**
 * What no parsed JSON body or query object may hold, for any route: strings (keys included) with
 * a control character, and nesting deeper than MAX_INPUT_DEPTH. Each problem is named by its path
 * (`comments.0.text`), in the order of the input. Iterative, so depth cannot overflow the stack.
 */
export function untrustedInputErrors(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const join = (path: string, key: string | number): string => (path ? `${path}.${key}` : String(key));
  // A stack popped in input order: children are pushed last-first.
  const pending: { value: unknown; path: string; depth: number; badKey?: true }[] = [{ value, path: root, depth: 0 }];
  while (pending.length && errors.length < MAX_REPORTED) {
    const { value: current, path, depth, badKey } = pending.pop()!;
    const field = path || 'body';
    if (badKey) {
      errors.push({ field, message: `${field}: a field name must not contain control characters` });
    } else if (typeof current === 'string') {
      if (hasControlCharacter(current)) errors.push({ field, message: controlCharacterMessage(field) });
    } else if (current !== null && typeof current === 'object' && depth >= MAX_INPUT_DEPTH) {
      errors.push({ field, message: `${field} is nested too deeply (at most ${MAX_INPUT_DEPTH} levels)` });
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--) pending.push({ value: current[index], path: join(path, index), depth: depth + 1 });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current as Record<string, unknown>);
      for (let index = entries.length - 1; index >= 0; index--) {
        const [key, item] = entries[index];
        if (hasControlCharacter(key)) pending.push({ value: undefined, path: join(path, JSON.stringify(key).slice(1, -1)), depth, badKey: true });
        else pending.push({ value: item, path: join(path, key), depth: depth + 1 });
      }
    }
  }
  return errors;
}
