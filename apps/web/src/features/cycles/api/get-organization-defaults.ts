import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

export type OrganizationDefaults = Schemas['OrganizationSettingsDto'];

/** The organisation's settings, for the defaults a new cycle starts with (k, framework). HR only, as the cycle form. */
export const getOrganizationDefaults = () => unwrap(api.GET('/api/organization'));

/** The key the organisation feature stores these settings under, so that saving them refreshes this form too. */
export const organizationSettingsKey = ['organization', 'settings'] as const;

export function useOrganizationDefaults() {
  return useQuery(queryOptions({ queryKey: organizationSettingsKey, queryFn: getOrganizationDefaults }));
}
