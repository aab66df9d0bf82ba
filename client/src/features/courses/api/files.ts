// Files: upload with progress, download an activity's file with the bearer token.

import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';

export { useUploadFile, type UploadedFile } from '@/lib/api/use-upload-file';

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
