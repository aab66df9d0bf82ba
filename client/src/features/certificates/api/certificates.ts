// Certificates: the learner's own ("Mes certificats"), their PDF and their signed credential.

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

export type HeldCertificate = components['schemas']['HeldCertificate'];

export const certificateKeys = {
  mine: (page: number) => ['certificates', 'me', page] as const,
};

export function useMyCertificates(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: certificateKeys.mine(page),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/certificates', { params: { query: { page } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export type CertificateFile = 'pdf' | 'credential';

/** The name the server gave the file (Content-Disposition, RFC 6266: `filename*` first), else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/** The file's name when the server names none: the PDF, or the credential (a VC-JWT) to add to a wallet. */
export function fallbackName(certificate: Pick<HeldCertificate, 'shortCode'>, file: CertificateFile): string {
  return file === 'pdf' ? `certificate-${certificate.shortCode}.pdf` : `certificate-${certificate.shortCode}.jwt`;
}

/**
 * GET the certificate's PDF or its credential (a VC-JWT, application/vc+jwt) with the bearer token, then hand it to the
 * browser as a download.
 */
export function useDownloadCertificate() {
  const api = useApi();
  return useMutation({
    mutationFn: async ({ certificate, file }: { certificate: HeldCertificate; file: CertificateFile }) => {
      const params = { path: { certificateId: certificate.id } };
      const call =
        file === 'pdf'
          ? api.GET('/api/v1/certificates/{certificateId}/pdf', { params, parseAs: 'blob' })
          : api.GET('/api/v1/certificates/{certificateId}/credential', { params, parseAs: 'blob' });
      const blob = (await unwrap(call)) as unknown as Blob;
      const name = fileNameOf((await call).response.headers.get('Content-Disposition'), fallbackName(certificate, file));
      const href = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = href;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      return name;
    },
  });
}
