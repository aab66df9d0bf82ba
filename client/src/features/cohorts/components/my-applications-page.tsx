import { Alert, Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { useMyApplications, useWithdraw, type Application } from '@/features/cohorts/api/applications';
import { asStatus, statusColor } from './cohort-labels';

/** "Mes candidatures": each application with its status, the staff's note, the waitlist position; withdraw. */
export function MyApplicationsPage() {
  const { t } = useTranslation(['cohorts', 'common']);
  const [page, setPage] = useState(1);
  const applications = useMyApplications(page);

  return (
    <Stack>
      <PageTitle>{t('myApplications.title')}</PageTitle>
      {applications.isPending ? (
        <LoadingState />
      ) : applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <EmptyState
          title={t('myApplications.emptyTitle')}
          message={t('myApplications.empty')}
          action={
            <Button component={Link} to="/open-cohorts" style={{ alignSelf: 'flex-start' }}>
              {t('myApplications.browse')}
            </Button>
          }
        />
      ) : (
        <>
          <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-busy={applications.isFetching}>
            {applications.data.items.map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
          </Stack>
          <Pager
            page={page}
            pageSize={applications.data.pageSize}
            totalCount={applications.data.totalCount}
            onChange={setPage}
          />
        </>
      )}
    </Stack>
  );
}

function ApplicationCard({ application }: { application: Application }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const format = useFormatters();
  const withdraw = useWithdraw();
  const [confirming, setConfirming] = useState(false);
  const status = asStatus(application.status);
  const canWithdraw = status === 'Submitted' || status === 'Waitlisted' || status === 'Admitted';
  const titleId = `application-${application.id}`;

  return (
    <Card withBorder component="li" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id={titleId}>
            {application.cohortTitle}
          </Title>
          <Badge variant="light" color={statusColor[status]} size="lg" data-testid="application-status">
            {t(`status.${status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('myApplications.submittedAt', { date: format.date(application.submittedAt) })}
        </Text>
        {status === 'Waitlisted' && application.waitlistPosition != null && (
          <Text>{t('myApplications.waitlistPosition', { position: application.waitlistPosition })}</Text>
        )}
        {application.decisionNote && (
          <Text>
            <Text span fw={500}>
              {t('myApplications.decisionNote')}
            </Text>{' '}
            {application.decisionNote}
          </Text>
        )}
        {withdraw.isError && <ProblemAlert error={withdraw.error} />}
        {withdraw.isSuccess && (
          <Alert color="gray" variant="light" role="status">
            {t('myApplications.withdrawn')}
          </Alert>
        )}
        <Group gap="sm">
          {status === 'Admitted' && (
            <Button component={Link} to={`/cohorts/${application.cohortId}`} variant="light">
              {t('myApplications.openCohort')}
            </Button>
          )}
          {canWithdraw && !confirming && (
            <Button variant="default" onClick={() => setConfirming(true)}>
              {t('myApplications.withdraw')}
            </Button>
          )}
        </Group>
        {canWithdraw && confirming && (
          <Paper withBorder p="sm" bg="yellow.0" role="group" aria-labelledby={`${titleId}-confirm`}>
            <Stack gap="xs">
              <Text id={`${titleId}-confirm`}>
                {status === 'Admitted' ? t('myApplications.withdrawAdmitted') : t('myApplications.withdrawQuestion')}
              </Text>
              <Group gap="sm">
                <Button
                  loading={withdraw.isPending}
                  onClick={() =>
                    withdraw.mutate(
                      { cohortId: application.cohortId, applicationId: application.id },
                      { onSettled: () => setConfirming(false) },
                    )
                  }
                >
                  {t('myApplications.withdrawConfirm')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        )}
      </Stack>
    </Card>
  );
}
