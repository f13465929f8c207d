import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/api/client';

export const getInvitation = (token: string) => unwrap(api.GET('/api/auth/invitations/{token}', { params: { path: { token } } }));

export const invitationQueryOptions = (token: string) =>
  queryOptions({ queryKey: ['auth', 'invitation', token], queryFn: () => getInvitation(token), staleTime: Infinity });

export function useInvitation(token: string) {
  return useQuery({ ...invitationQueryOptions(token), enabled: token.length > 0 });
}
