import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api/api-error';
import { problemMessage } from '@/lib/api/problem-message';

/** Shows an ApiError (or any error) to the user in their language, announced to screen readers. */
export function ProblemAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  const { t } = useTranslation();
  const message = isApiError(error) ? problemMessage(error, t) : t('problems.status-500');
  return (
    <Alert color="red" variant="light" title={t('states.errorTitle')} role="alert">
      {message}
      {children}
    </Alert>
  );
}
