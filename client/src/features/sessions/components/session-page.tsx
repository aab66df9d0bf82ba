import { Alert, Badge, Button, Checkbox, Group, List, Paper, Stack, Table, Text, TextInput, Title, Typography } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { utcToZonedLocal, zonedLocalToUtc } from '@/lib/i18n/time-zone';
import {
  isJoinable,
  type LiveSession,
  useCancelSession,
  useCohortAccess,
  useReadiness,
  useSession,
  useUpdateSession,
} from '@/features/sessions/api/sessions';

/** The learner's own checklist: each preparation, done or to do. */
function Checklist({ session }: { session: LiveSession }) {
  const { t } = useTranslation('sessions');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="preparation-title">
      <Title order={2} size="h4" id="preparation-title" mb="xs">
        {t('session.preparation')}
      </Title>
      {session.preparations.length === 0 ? (
        <Text c="dimmed">{t('session.noPreparation')}</Text>
      ) : (
        <Stack gap="xs">
          <List aria-label={t('session.preparation')} listStyleType="none" spacing={4}>
            {session.preparations.map((p) => (
              <List.Item key={p.activityId}>
                <Group gap="xs">
                  {p.done != null && <Badge color={p.done ? 'green' : 'gray'}>{p.done ? t('session.done') : t('session.todo')}</Badge>}
                  <Text>{p.title}</Text>
                </Group>
              </List.Item>
            ))}
          </List>
          {session.ready != null && <Text fw={600}>{session.ready ? t('session.ready') : t('session.notReady')}</Text>}
        </Stack>
      )}
    </Paper>
  );
}

/** Staff and mentors: who did which preparation (a mentor: their own learners). */
function ReadinessRoster({ session }: { session: LiveSession }) {
  const { t } = useTranslation('sessions');
  const readiness = useReadiness(session.id, session.preparations.length > 0);
  if (session.preparations.length === 0) return null;
  if (readiness.isPending) return <LoadingState />;
  if (readiness.isError) return <ErrorState error={readiness.error} onRetry={() => void readiness.refetch()} />;
  const { items, preparations, readyCount, totalCount } = readiness.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="readiness-title">
      <Title order={2} size="h4" id="readiness-title" mb="xs">
        {t('readiness.title')}
      </Title>
      <Text mb="xs">{t('readiness.summary', { ready: readyCount, total: totalCount })}</Text>
      <Table.ScrollContainer minWidth={480}>
        <Table aria-labelledby="readiness-title" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('readiness.learner')}</Table.Th>
              {preparations.map((p) => (
                <Table.Th key={p.activityId}>{p.title}</Table.Th>
              ))}
              <Table.Th>{t('readiness.ready')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.userId}>
                <Table.Td>{row.displayName}</Table.Td>
                {preparations.map((p) => (
                  <Table.Td key={p.activityId}>{row.done.includes(p.activityId) ? '✓' : '—'}</Table.Td>
                ))}
                <Table.Td>
                  <Badge color={row.ready ? 'green' : 'orange'}>{row.ready ? t('readiness.ready') : t('readiness.notReady')}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Staff: move it (one occurrence of a series moves alone) or cancel it with a reason. */
function Manage({ session }: { session: LiveSession }) {
  const { t } = useTranslation('sessions');
  const update = useUpdateSession(session.id);
  const cancel = useCancelSession(session.id);
  const [startsAt, setStartsAt] = useState(utcToZonedLocal(session.startsAt, session.timeZone));
  const [endsAt, setEndsAt] = useState(utcToZonedLocal(session.endsAt, session.timeZone));
  const [reason, setReason] = useState('');
  const [rest, setRest] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="manage-title">
      <Title order={2} size="h4" id="manage-title" mb="xs">
        {t('manage.move')}
      </Title>
      <Stack>
        <Group grow align="flex-end">
          <TextInput type="datetime-local" label={t('form.startsAt')} value={startsAt} onChange={(e) => setStartsAt(e.currentTarget.value)} />
          <TextInput type="datetime-local" label={t('form.endsAt')} value={endsAt} onChange={(e) => setEndsAt(e.currentTarget.value)} />
          <Button onClick={() => update.mutate({ startsAt: zonedLocalToUtc(startsAt, session.timeZone), endsAt: zonedLocalToUtc(endsAt, session.timeZone) })} loading={update.isPending}>
            {t('form.save')}
          </Button>
        </Group>
        {update.isError && <ErrorState error={update.error} />}
        {update.isSuccess && <Text c="green">{t('manage.saved')}</Text>}
        <Title order={3} size="h5">
          {t('manage.cancel')}
        </Title>
        <TextInput label={t('manage.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} />
        {session.seriesId && <Checkbox label={t('manage.restOfSeries')} checked={rest} onChange={(e) => setRest(e.currentTarget.checked)} />}
        {cancel.isError && <ErrorState error={cancel.error} />}
        <Button color="red" variant="light" disabled={!reason.trim()} loading={cancel.isPending} onClick={() => cancel.mutate({ reason, restOfSeries: rest })} style={{ alignSelf: 'flex-start' }}>
          {t('manage.confirmCancel')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** /sessions/:sessionId: when and where, the join button when it is time, the preparation, and the staff's tools. */
export function SessionPage() {
  const { t } = useTranslation('sessions');
  const format = useFormatters();
  const { sessionId = '' } = useParams();
  // Refreshed every half minute: the link arrives when the join window opens.
  const session = useSession(sessionId, 30_000);
  const access = useCohortAccess(session.data?.cohortId);

  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const follows = access.data?.follows ?? false;
  const manages = access.data?.manages ?? false;
  const joinable = isJoinable(s);
  return (
    <Stack>
      <PageTitle>{s.title}</PageTitle>
      <Group gap="xs">
        <Badge variant="light">{t(`kind.${s.kind}`)}</Badge>
      </Group>
      <Text>{t('session.when', { start: format.dateTimeIn(s.startsAt, s.timeZone), end: format.dateTimeIn(s.endsAt, s.timeZone), zone: s.timeZone })}</Text>
      {s.cancelledAt && <Alert color="red">{t('session.cancelled', { reason: s.cancellationReason ?? '' })}</Alert>}
      {s.place && <Text>{t('session.place', { place: s.place })}</Text>}
      {s.room && <Text>{t('session.room', { room: s.room })}</Text>}
      {s.address && <Text>{t('session.address', { address: s.address })}</Text>}
      {s.kind !== 'InPerson' && !s.cancelledAt && (
        joinable || (follows && s.meetingUrl) ? (
          <Button component="a" href={s.meetingUrl ?? undefined} target="_blank" rel="noopener noreferrer" size="lg" style={{ alignSelf: 'flex-start' }}>
            {t('session.join')}
          </Button>
        ) : (
          <Text c="dimmed">{t('session.joinLater', { at: format.dateTimeIn(s.joinOpensAt, s.timeZone) })}</Text>
        )
      )}
      {s.descriptionHtml && (
        <Typography>
          {/* Rendered and sanitised by the API (Markdig + HtmlSanitizer). */}
          <div dangerouslySetInnerHTML={{ __html: s.descriptionHtml }} />
        </Typography>
      )}
      {s.myAttendance && <Text fw={600}>{t('session.myAttendance', { status: t(`status.${s.myAttendance}`) })}</Text>}
      <Group>
        {!follows && !s.cancelledAt && (
          <Button component={Link} to={`/sessions/${s.id}/check-in`} variant="light">
            {t('session.checkIn')}
          </Button>
        )}
        {follows && (
          <Button component={Link} to={`/sessions/${s.id}/attendance`} variant="light">
            {t('session.sheet')}
          </Button>
        )}
        {manages && !s.cancelledAt && (
          <Button component={Link} to={`/sessions/${s.id}/code`} variant="light">
            {t('session.showCode')}
          </Button>
        )}
      </Group>
      <Checklist session={s} />
      {follows && <ReadinessRoster session={s} />}
      {manages && !s.cancelledAt && <Manage session={s} />}
    </Stack>
  );
}
