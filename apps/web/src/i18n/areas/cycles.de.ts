import type { cyclesEn } from './cycles.en';

/** German messages for HR cycle pages: features/cycles (terminology: see de.ts). */
export const cyclesDe: Record<keyof typeof cyclesEn, string> = {};
