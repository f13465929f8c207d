import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/client';
import { meQueryKey } from './auth';

/**
 * One client for the app. A 401 anywhere means the session ended (expired, revoked, signed out
 * in another tab): forget who we were and let the route guard send the person to sign in.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown): void => {
    if (isApiError(error, 401)) client.setQueryData(meQueryKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Retrying a 4xx never helps; a dropped connection or a 5xx might.
        retry: (failures, error) => failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return client;
}

// Every fetcher goes through `unwrap`, which throws ApiError: let queries and mutations say so.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: import('@/api/client').ApiError;
  }
}
