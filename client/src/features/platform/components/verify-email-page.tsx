import { Alert, Anchor, Loader, Paper, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useVerifyEmail } from '@/features/platform/api/account';
import { signInPath, readReturnTo } from './pending-return';

/** The page the registration mail links to (/verify-email?token=...): opening it activates the account. */
export function VerifyEmailPage() {
  const { t } = useTranslation(['platform', 'common']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { mutate, isIdle, isPending, isSuccess, isError, error } = useVerifyEmail();
  const sent = useRef(false);
  // The page registration started from (a cohort's application form): sign-in goes on to it.
  const [returnTo] = useState(readReturnTo);

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
        <Anchor component={Link} to={signInPath(returnTo)}>
          {t('register.signIn')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
