import type { organisationEn } from './organisation.en';

/** German messages for organisation settings, single sign-on, provisioning, frameworks and shared UI components: features/organization, frameworks, components/ (terminology: see de.ts). */
export const organisationDe: Record<keyof typeof organisationEn, string> = {};
