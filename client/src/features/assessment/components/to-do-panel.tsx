import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { useMyAssignments } from '@/features/assessment/api/assessment';
import { AssignmentStateBadge } from './assignment-state';

/** The learner's home: "à rendre", across their cohorts, by due date (their own), overdue and returned work flagged. */
export function ToDoPanel() {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const toDo = useMyAssignments({ toDoOnly: true, page });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="to-do-title">
      <Title order={2} size="h3" id="to-do-title" mb="sm">
        {t('home.toDoTitle')}
      </Title>
      {toDo.isPending ? (
        <LoadingState />
      ) : toDo.isError ? (
        <ErrorState error={toDo.error} onRetry={() => void toDo.refetch()} />
      ) : toDo.data.items.length === 0 ? (
        <Text c="dimmed">{t('home.toDoEmpty')}</Text>
      ) : (
        <Stack gap="xs">
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {toDo.data.items.map((item) => (
              <Group component="li" key={item.assignmentId} justify="space-between" wrap="wrap">
                <Stack gap={0}>
                  <Anchor component={Link} to={`/assignments/${item.assignmentId}`} fw={600}>
                    {item.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {item.cohortTitle} · {t(`kind.${item.kind}`)} · {t('home.dueOn', { date: format.dateTime(item.yourDueAt) })}
                  </Text>
                </Stack>
                <AssignmentStateBadge state={item} />
              </Group>
            ))}
          </Stack>
          <Pager page={toDo.data.page} pageSize={toDo.data.pageSize} totalCount={toDo.data.totalCount} onChange={setPage} />
        </Stack>
      )}
    </Paper>
  );
}
