/**
 * Query keys of the organisation feature. `['organization', 'settings']` is also where the cycle
 * form reads its defaults, and `['frameworks', 'list']` is the frameworks feature's list: the same
 * endpoints, the same data, so a save here refreshes both.
 */
export const organizationKeys = {
  settings: ['organization', 'settings'] as const,
  sso: ['organization', 'sso'] as const,
  frameworkOptions: ['frameworks', 'list'] as const,
  scimTokens: ['organization', 'scim-tokens'] as const,
  selfRequestActivity: ['organization', 'self-request-activity'] as const,
};
