import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useMyAgenda } from '@/features/calendar/api/calendar';
import { useNextSteps } from '@/features/calendar/api/upcoming';
import { UPCOMING_SHOWN, upcomingItems } from './upcoming';

/** How far ahead the home looks into the agenda. */
const WEEKS_AHEAD = 3;

/** The learner's home: "à venir", their next activities, due dates and sessions across their cohorts, soonest first, each a link to act. */
export function UpcomingPanel() {
  const { t } = useTranslation('homes');
  const format = useFormatters();
  const { user } = useSession();
  // The range is fixed when the home opens, so the agenda's query key stays the same between renders.
  const [range] = useState(() => {
    const now = new Date();
    return { now, from: now.toISOString(), to: new Date(now.getTime() + WEEKS_AHEAD * 7 * 86_400_000).toISOString() };
  });
  const steps = useNextSteps();
  const agenda = useMyAgenda(range.from, range.to);
  const titles = Object.fromEntries((user?.cohorts ?? []).map((c) => [c.cohortId, c.title]));

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="upcoming-title">
      <Title order={2} size="h3" id="upcoming-title" mb="sm">
        {t('upcoming.title')}
      </Title>
      {steps.isPending || agenda.isPending ? (
        <LoadingState />
      ) : steps.isError ? (
        <ErrorState error={steps.error} onRetry={() => void steps.refetch()} />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : (
        <UpcomingList items={upcomingItems(steps.data, agenda.data.entries, titles, range.now).slice(0, UPCOMING_SHOWN)} format={format} />
      )}
      <Button component={Link} to="/agenda" variant="subtle" mt="sm" px={0}>
        {t('upcoming.more')}
      </Button>
    </Paper>
  );
}

function UpcomingList({ items, format }: { items: ReturnType<typeof upcomingItems>; format: ReturnType<typeof useFormatters> }) {
  const { t } = useTranslation('homes');
  if (items.length === 0) return <Text c="dimmed">{t('upcoming.empty')}</Text>;
  return (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="upcoming-list">
      {items.map((item) => (
        <Group component="li" key={item.key} justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={0}>
            <Anchor component={Link} to={item.href} fw={600} td={item.cancelled ? 'line-through' : undefined}>
              {item.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {[item.cohortTitle, t(`upcoming.${item.reads === 'due' ? 'dueOn' : item.reads === 'starts' ? 'startsAt' : 'availableSince'}`, { date: format.dateTimeIn(item.at, item.timeZone) })]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge variant="light">{t(`upcoming.kind.${item.kind}`)}</Badge>
            {item.overdue && <Badge color="red" variant="light">{t('upcoming.overdue')}</Badge>}
            {item.cancelled && <Badge color="gray">{t('upcoming.cancelled')}</Badge>}
            {item.toPrepare && (
              <Badge color="orange" variant="light">
                {t('upcoming.toPrepare')}
              </Badge>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
