import { Alert, Anchor, Loader, Paper, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useVerifyEmail } from '@/features/platform/api/account';

/** The page the registration mail links to (/verify-email?token=...): opening it activates the account. */
export function VerifyEmailPage() {
  const { t } = useTranslation(['platform', 'common']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { mutate, isIdle, isPending, isSuccess, isError, error } = useVerifyEmail();
  const sent = useRef(false);

  // Once per page (StrictMode runs effects twice): the token is single-use, a second call would only report it spent.
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate(token);
  }, [mutate, token]);

  return (
    <Paper withBorder shadow="sm" p="xl" component="section">
      <Stack>
        <PageTitle>{t('verifyEmail.title')}</PageTitle>
        {(isIdle || isPending) && <Loader aria-label={t('verifyEmail.checking')} />}
        {isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('verifyEmail.done')}
          </Alert>
        )}
        {isError && <ProblemAlert error={error} />}
        <Anchor component={Link} to="/sign-in">
          {t('register.signIn')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
