import type { requestsEn } from './requests.en';

/** German messages for self-started requests, external raters and the external questionnaire: features/self-requests, feedback (external), external (terminology: see de.ts). */
export const requestsDe: Record<keyof typeof requestsEn, string> = {};
