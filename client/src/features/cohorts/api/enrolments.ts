// Organisation enrolments: a list of employees' emails enrolled at once.

import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { idempotencyKey, retryLostRequest } from '@/lib/api/idempotency';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';
import { useInvalidateCohort } from './cohorts';

type Schemas = components['schemas'];
export type EnrolmentOutcome = Schemas['EnrolmentOutcome'];

export function useEnrol(cohortId: string) {
  const api = useApi();
  const invalidate = useInvalidateCohort(cohortId);
  return useMutation({
    ...retryLostRequest,
    mutationFn: (emails: string[], context) =>
      unwrap(
        api.POST('/api/v1/cohorts/{cohortId}/enrolments', {
          params: { path: { cohortId }, header: { 'Idempotency-Key': idempotencyKey(context) } },
          body: { emails },
        }),
      ),
    onSuccess: invalidate,
  });
}
