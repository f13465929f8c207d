import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The one-time set-up code the server prints while no organisation exists. 32 symbols without the
 * look-alikes 0/O and 1/I, 12 of them (60 bits): guessing one is hopeless even without the rate
 * limit, and an operator can read it off a console and type it without doubt.
 */
export const SETUP_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const GROUPS = 3;
const GROUP_LENGTH = 4;

/** e.g. "7KQM-X2CD-PH9W". */
export function newSetupCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    let group = '';
    for (let i = 0; i < GROUP_LENGTH; i++) group += SETUP_CODE_ALPHABET[randomInt(SETUP_CODE_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** What a person may type: any case, spaces or dashes anywhere; normalised before hashing. */
export function normaliseSetupCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** Stored instead of the code: any instance can check a code, and the database never holds one. */
export function hashSetupCode(code: string): Buffer {
  return createHash('sha256').update(normaliseSetupCode(code)).digest();
}

/** Compares hashes of equal length in constant time: the answer's timing says nothing of the code. */
export function setupCodeMatches(typed: string, storedHash: Buffer): boolean {
  const given = hashSetupCode(typed);
  return given.length === storedHash.length && timingSafeEqual(given, storedHash);
}
