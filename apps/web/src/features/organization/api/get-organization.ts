import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';
import { organizationKeys } from './keys';

export type OrganizationSettings = Schemas['OrganizationSettingsDto'];

export const getOrganization = () => unwrap(api.GET('/api/organization'));

export function useOrganization() {
  return useQuery(queryOptions({ queryKey: organizationKeys.settings, queryFn: getOrganization }));
}
