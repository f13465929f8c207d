/** English messages for organisation settings, single sign-on, provisioning, frameworks and shared UI components: features/organization, frameworks, components/. Merged into en.ts; ids start with the area's own prefixes. */
export const organisationEn = {} as const satisfies Record<string, string>;
