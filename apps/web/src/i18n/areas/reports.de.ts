import type { reportsEn } from './reports.en';

/** German messages for report pages and their parts, plans: features/reports (terminology: see de.ts). */
export const reportsDe: Record<keyof typeof reportsEn, string> = {};
