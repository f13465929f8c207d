/** English messages for self-started requests, external raters and the external questionnaire: features/self-requests, feedback (external), external. Merged into en.ts; ids start with the area's own prefixes. */
export const requestsEn = {} as const satisfies Record<string, string>;
