import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { type LiveSession, useCohortAccess, useSessions } from '@/features/sessions/api/sessions';
import { SessionForm } from './session-form';

/** One line of the list: title, kind, local time, and what makes it special (cancelled, a group's, a series). */
function SessionItem({ session }: { session: LiveSession }) {
  const { t } = useTranslation('sessions');
  const format = useFormatters();
  return (
    <Paper withBorder p="sm" component="li" aria-label={session.title}>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={2}>
          <Anchor component={Link} to={`/sessions/${session.id}`} fw={600}>
            {session.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('session.when', {
              start: format.dateTimeIn(session.startsAt, session.timeZone),
              end: format.dateTimeIn(session.endsAt, session.timeZone),
              zone: session.timeZone,
            })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Badge variant="light">{t(`kind.${session.kind}`)}</Badge>
          {session.groupId && <Badge variant="outline">{t('list.group')}</Badge>}
          {session.occurrence && <Badge variant="outline">{t('list.series', { occurrence: session.occurrence })}</Badge>}
          {session.cancelledAt && <Badge color="red" variant="light">{t('list.cancelled')}</Badge>}
        </Group>
      </Group>
    </Paper>
  );
}

/** /cohorts/:cohortId/sessions: upcoming and past sessions; staff schedule new ones here. */
export function SessionsPage() {
  const { t } = useTranslation('sessions');
  const { cohortId = '' } = useParams();
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [page, setPage] = useState(1);
  const access = useCohortAccess(cohortId);
  const sessions = useSessions(cohortId, when, page);

  return (
    <Stack>
      <PageTitle>{t('list.pageTitle')}</PageTitle>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('list.when')}
          value={when}
          onChange={(value) => (setWhen(value as typeof when), setPage(1))}
          data={[
            { value: 'upcoming', label: t('list.upcoming') },
            { value: 'past', label: t('list.past') },
          ]}
        />
        <Button component={Link} to={`/cohorts/${cohortId}/attendance`} variant="light">
          {t('list.attendance')}
        </Button>
      </Group>
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <EmptyState title={t('list.empty')} message={t('list.emptyHint')} />
      ) : (
        <section aria-labelledby="sessions-title">
          <Title order={2} size="h4" id="sessions-title" mb="xs">
            {t('list.items')}
          </Title>
          <Stack component="ul" aria-label={t('list.items')} gap="xs" p={0} style={{ listStyle: 'none' }}>
            {sessions.data.items.map((session) => (
              <SessionItem key={session.id} session={session} />
            ))}
          </Stack>
          <Pager page={page} pageSize={sessions.data.pageSize} totalCount={sessions.data.totalCount} onChange={setPage} />
        </section>
      )}
      {access.data?.manages && <SessionForm cohortId={cohortId} />}
    </Stack>
  );
}
