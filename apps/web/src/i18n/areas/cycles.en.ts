/** English messages for HR cycle pages: features/cycles. Merged into en.ts; ids start with the area's own prefixes. */
export const cyclesEn = {} as const satisfies Record<string, string>;
