/** English messages for people, import, set-up, team, audit trail and outbox: features/people, setup, team, audit, outbox. Merged into en.ts; ids start with the area's own prefixes. */
export const peopleEn = {} as const satisfies Record<string, string>;
