import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '../../../lib/api/api-client';
import { useApi } from '../../../lib/api/api-context';
import type { components } from '../../../lib/api/schema';

export type CreateCourseBody = components['schemas']['CreateCourseCommand'];

export function useCreateCourse() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCourseBody) =>
      unwrap(
        api.POST('/api/v1/courses', {
          body,
          params: { header: { 'Idempotency-Key': globalThis.crypto?.randomUUID?.() ?? String(Date.now()) } },
        }),
      ),
    // The cohort form's course select reads ['courses', 'list'].
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['courses'] }),
  });
}
