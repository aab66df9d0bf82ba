import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';

/** Server state defaults: no retries on 4xx (they will not get better), one retry otherwise. */
export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 1,
      },
      mutations: { retry: false },
    },
  });
}
