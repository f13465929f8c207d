import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '@/api/client';

/**
 * Who is signed in. Shared by every feature (role checks, names), so it lives outside the
 * features: `useMe()` anywhere, `useSignedInUser()` inside the signed-in layout.
 */
export type Me = Schemas['MeDto'];
export type Role = Me['role'];

export const meQueryKey = ['auth', 'me'] as const;

/**
 * The signed-in person, or null when signed out. Asked of /api/auth/session, which answers 200
 * either way: a 401 from /api/auth/me would be logged by the browser as an error on every signed-out page.
 */
export async function getMe(): Promise<Me | null> {
  return (await unwrap(api.GET('/api/auth/session'))).me;
}

/**
 * Someone new is signed in here (or no one): nothing of whoever came before survives in the cache,
 * and `me` is the new person. The `me` query itself is kept and written over rather than removed,
 * so that what watches it from above the pages (the language, the clock) follows at once: an
 * observer of a removed query never hears of the new one.
 */
export function switchPerson(queryClient: QueryClient, me: Me | null): void {
  queryClient.setQueryData(meQueryKey, me);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] || query.queryKey[1] !== meQueryKey[1] });
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Only under the signed-in layout, which renders nothing until `me` is known. */
export function useSignedInUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInUser() used outside the signed-in layout');
  return data;
}

export const isAdmin = (me: Pick<Me, 'role'> | null | undefined): boolean => me?.role === 'admin';

/** Only same-site paths: `?next=` must never send someone to another origin. */
export function safeNext(next: string | null | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
