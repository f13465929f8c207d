import type { peopleEn } from './people.en';

/** German messages for people, import, set-up, team, audit trail and outbox: features/people, setup, team, audit, outbox (terminology: see de.ts). */
export const peopleDe: Record<keyof typeof peopleEn, string> = {};
