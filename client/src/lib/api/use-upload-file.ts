import { useMutation } from '@tanstack/react-query';
import { unwrap } from './api-client';
import { useApi, useTokens } from './api-context';
import type { components } from './schema';
import { uploadWithProgress, type UploadProgress } from './upload';
import { i18n } from '@/lib/i18n/i18n';

export type UploadedFile = components['schemas']['StoredFile'];

/**
 * POST /files with upload progress (XMLHttpRequest), for every feature that attaches files. A 401 (access token
 * expired) refreshes through the typed client (GET /me) and retries once.
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
