/** English messages for report pages and their parts, plans: features/reports. Merged into en.ts; ids start with the area's own prefixes. */
export const reportsEn = {} as const satisfies Record<string, string>;
