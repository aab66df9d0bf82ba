import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { isProblem } from '@/lib/api/api-error';
import { useFormatters } from '@/lib/i18n/format';
import { applicationStatuses, useApplications, useDecide, type Application, type ApplicationStatus, type Decision } from '@/features/cohorts/api/applications';
import { type Cohort } from '@/features/cohorts/api/cohorts';
import { asStatus, statusColor } from './cohort-labels';

interface DecisionDone {
  name: string;
  status: ApplicationStatus;
}

/**
 * The review queue (oldest first) filtered by status, or the waitlist in order: motivation and answers,
 * one-click admit / waitlist / reject with an optional note; on cohort-full, offers the waitlist.
 */
export function ApplicationsTab({ cohort, fixedStatus }: { cohort: Cohort; fixedStatus?: ApplicationStatus }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const [status, setStatus] = useState<ApplicationStatus | 'all'>(fixedStatus ?? 'Submitted');
  const [page, setPage] = useState(1);
  const [done, setDone] = useState<DecisionDone | null>(null);
  const applications = useApplications(cohort.id, fixedStatus ?? status, page);

  return (
    <Stack>
      {fixedStatus ? (
        <Text c="dimmed">{t('staff.waitlistIntro')}</Text>
      ) : (
        <NativeSelect
          label={t('staff.statusFilter')}
          value={status}
          onChange={(event) => {
            setStatus(event.currentTarget.value as ApplicationStatus | 'all');
            setPage(1);
          }}
          data={[
            ...applicationStatuses.map((value) => ({ value, label: t(`status.${value}`) })),
            { value: 'all', label: t('staff.allStatuses') },
          ]}
          maw={280}
        />
      )}
      {done && (
        <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setDone(null)} closeButtonLabel={t('common.close')}>
          {t('staff.decided', { name: done.name, status: t(`status.${done.status}`) })}
        </Alert>
      )}
      {applications.isPending ? (
        <LoadingState />
      ) : applications.isError ? (
        <ErrorState error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <EmptyState
          title={fixedStatus ? t('staff.waitlistEmptyTitle') : t('staff.applicationsEmptyTitle')}
          message={fixedStatus ? t('staff.waitlistEmpty') : t('staff.applicationsEmpty')}
          headingLevel={3}
        />
      ) : (
        <>
          <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-busy={applications.isFetching}>
            {applications.data.items.map((application) => (
              <ApplicationReview key={application.id} cohort={cohort} application={application} onDecided={setDone} />
            ))}
          </Stack>
          <Pager page={page} pageSize={applications.data.pageSize} totalCount={applications.data.totalCount} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}

function ApplicationReview({
  cohort,
  application,
  onDecided,
}: {
  cohort: Cohort;
  application: Application;
  onDecided: (done: DecisionDone) => void;
}) {
  const { t } = useTranslation(['cohorts', 'common']);
  const format = useFormatters();
  const decide = useDecide(cohort.id);
  const [note, setNote] = useState('');
  const status = asStatus(application.status);
  const open = status === 'Submitted' || status === 'Waitlisted';
  const name = application.applicantName ?? t('staff.unknownApplicant');
  const titleId = `review-${application.id}`;
  const answers = Object.entries(application.answers ?? {});
  const full = isProblem(decide.error, 'cohort-full');

  // Not mutate()'s onSuccess: the refreshed queue may have unmounted this card by then.
  const send = (decision: Decision) =>
    decide
      .mutateAsync({ applicationId: application.id, decision, note })
      .then((result) => onDecided({ name, status: asStatus(result.status) }))
      .catch(() => undefined); // shown from decide.error

  return (
    <Card withBorder component="li" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {name}
          </Title>
          <Group gap="xs">
            {status === 'Waitlisted' && application.waitlistPosition != null && (
              <Badge variant="light" color="gray">
                {t('staff.position', { position: application.waitlistPosition })}
              </Badge>
            )}
            <Badge variant="light" color={statusColor[status]}>
              {t(`status.${status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="dimmed">
          {t('myApplications.submittedAt', { date: format.dateTimeIn(application.submittedAt, cohort.timeZone) })}
        </Text>
        <div>
          <Text fw={500} size="sm">
            {t('staff.motivation')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{application.motivation}</Text>
        </div>
        {answers.length > 0 && (
          <dl className="definition-list">
            {answers.map(([question, answer]) => (
              <div key={question} style={{ display: 'contents' }}>
                <dt>{question}</dt>
                <dd style={{ whiteSpace: 'pre-wrap' }}>{answer}</dd>
              </div>
            ))}
          </dl>
        )}
        {application.decisionNote && (
          <Text size="sm">
            <Text span fw={500}>
              {t('myApplications.decisionNote')}
            </Text>{' '}
            {application.decisionNote}
          </Text>
        )}
        {open && (
          <Stack gap="xs">
            <TextInput
              label={t('staff.note', { name })}
              description={t('staff.noteHint')}
              value={note}
              maxLength={2000}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            {decide.isError &&
              (full ? (
                <Alert color="orange" variant="light" role="alert" title={t('common:problems.cohort-full')}>
                  <Stack gap="xs">
                    <Text size="sm">{t('staff.fullOffer')}</Text>
                    {status !== 'Waitlisted' && (
                      <Button size="xs" variant="default" onClick={() => send('Waitlist')} style={{ alignSelf: 'flex-start' }}>
                        {t('staff.waitlistInstead')}
                      </Button>
                    )}
                  </Stack>
                </Alert>
              ) : (
                <ProblemAlert error={decide.error} />
              ))}
            <Group gap="sm">
              <Button onClick={() => send('Admit')} loading={decide.isPending && decide.variables?.decision === 'Admit'} disabled={decide.isPending}>
                {t('staff.admit')}
              </Button>
              {status !== 'Waitlisted' && (
                <Button variant="default" onClick={() => send('Waitlist')} loading={decide.isPending && decide.variables?.decision === 'Waitlist'} disabled={decide.isPending}>
                  {t('staff.waitlistAction')}
                </Button>
              )}
              <Button variant="default" onClick={() => send('Reject')} loading={decide.isPending && decide.variables?.decision === 'Reject'} disabled={decide.isPending}>
                {t('staff.reject')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
