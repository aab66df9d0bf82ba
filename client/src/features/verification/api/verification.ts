// The public check of a certificate by its code (no sign-in).

import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

export type CertificateVerification = components['schemas']['CertificateVerification'];

export function useVerification(code: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['verification', code] as const,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/verify/{code}', { params: { path: { code } }, signal })),
    // A revocation must show at once: never a cached answer.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
