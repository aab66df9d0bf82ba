// Files: upload with progress, download an activity's file with the bearer token.

import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi, useTokens } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { uploadWithProgress, type UploadProgress } from '@/lib/api/upload';
import { i18n } from '@/lib/i18n/i18n';

type Schemas = components['schemas'];
export type UploadedFile = Schemas['StoredFile'];

/**
 * POST /files with upload progress (XMLHttpRequest). A 401 (access token expired) refreshes through
 * the typed client (GET /me) and retries once.
 */
export function useUploadFile() {
  const api = useApi();
  const tokens = useTokens();
  return useMutation({
    mutationFn: async ({ file, onProgress }: { file: File; onProgress: (progress: UploadProgress) => void }) => {
      const url = `${globalThis.location?.origin ?? ''}/api/v1/files`;
      const send = () =>
        uploadWithProgress<UploadedFile>({ url, file, token: tokens.getAccessToken(), language: i18n.resolvedLanguage, onProgress });
      try {
        return await send();
      } catch (error) {
        if ((error as { status?: number }).status !== 401) throw error;
        await unwrap(api.GET('/api/v1/me'));
        return send();
      }
    },
  });
}

/** GET the activity's file (an attachment) with the bearer token, then hand it to the browser as a download. */
export function useDownloadActivityFile(cohortId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: async (activityId: string) => {
      const call = api.GET('/api/v1/cohorts/{cohortId}/activities/{activityId}/file', {
        params: { path: { cohortId, activityId } },
        parseAs: 'blob',
      });
      const blob = (await unwrap(call)) as unknown as Blob;
      const disposition = (await call).response.headers.get('Content-Disposition') ?? '';
      const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
      const name = match ? decodeURIComponent(match[1] ?? match[2] ?? 'file') : 'file';
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
