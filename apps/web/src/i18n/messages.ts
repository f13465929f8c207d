import type { Language } from './languages';
import { de } from './de';
import { en, type MessageId } from './en';

export type { MessageId };

export const MESSAGES: Record<Language, Record<MessageId, string>> = { en, de };

/**
 * Marks a message id kept in data (a menu entry, a table of labels) rather than passed straight to
 * `t()`: the compiler checks it is a key of the catalogue, and the catalogue test finds it in use.
 */
export const msg = <T extends MessageId>(id: T): T => id;
