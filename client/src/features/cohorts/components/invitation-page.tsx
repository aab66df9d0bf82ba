import { Alert, Button, Group, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { isApiError } from '@/lib/api/api-error';
import { problemMessage } from '@/lib/api/problem-message';
import { useAcceptInvitation } from '@/features/cohorts/api/invitations';

/** /invitations/:token: the signed-in invitee (back from sign-in through returnTo) takes their seat. */
export function InvitationPage() {
  const { t } = useTranslation(['cohorts', 'common']);
  const { token = '' } = useParams();
  const accept = useAcceptInvitation();
  const sent = useRef<string | null>(null);
  const { mutate } = accept;

  // Once per token, even when React runs effects twice in development.
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    mutate(token);
  }, [token, mutate]);

  const error = accept.error;
  const notFound = isApiError(error) && error.status === 404;

  return (
    <Stack>
      <PageTitle>{t('invitation.title')}</PageTitle>
      {accept.isPending || accept.isIdle ? (
        <LoadingState label={t('invitation.accepting')} />
      ) : accept.isSuccess ? (
        <>
          <Alert color="green" variant="light" role="status" title={t('invitation.welcomeTitle')}>
            {t('invitation.welcome', { title: accept.data.cohortTitle })}
          </Alert>
          <Button component={Link} to={`/cohorts/${accept.data.cohortId}`} style={{ alignSelf: 'flex-start' }}>
            {t('invitation.openCohort')}
          </Button>
        </>
      ) : (
        <>
          <Alert color="red" variant="light" role="alert" title={t('invitation.failedTitle')}>
            {notFound
              ? t('invitation.notFound')
              : isApiError(error)
                ? problemMessage(error)
                : t('common:problems.status-500')}
          </Alert>
          <Group>
            <Button component={Link} to="/" variant="default">
              {t('common:errors.backHome')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
