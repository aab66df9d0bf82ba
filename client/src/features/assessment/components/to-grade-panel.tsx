import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { useToGrade } from '@/features/assessment/api/assessment';

/** The staff's and mentors' home: "à corriger", the oldest hand-ins first, each opening the grading screen on it. */
export function ToGradePanel() {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const toGrade = useToGrade(page);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="to-grade-title">
      <Title order={2} size="h3" id="to-grade-title" mb="sm">
        {t('home.toGradeTitle')}
      </Title>
      {toGrade.isPending ? (
        <LoadingState />
      ) : toGrade.isError ? (
        <ErrorState error={toGrade.error} onRetry={() => void toGrade.refetch()} />
      ) : toGrade.data.items.length === 0 ? (
        <Text c="dimmed">{t('home.toGradeEmpty')}</Text>
      ) : (
        <Stack gap="xs">
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {toGrade.data.items.map((item) => (
              <Group component="li" key={item.submissionId} justify="space-between" wrap="wrap">
                <Stack gap={0}>
                  <Anchor component={Link} to={`/assignments/${item.assignmentId}/grading?submission=${item.submissionId}`} fw={600}>
                    {item.assignmentTitle}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {item.cohortTitle} · {t('home.byLearner', { name: item.authorName, attempt: item.attempt, date: format.dateTime(item.submittedAt) })}
                  </Text>
                </Stack>
                <Group gap="xs">
                  {item.isLate && <Badge color="yellow">{t('state.late')}</Badge>}
                  {item.gradeStatus === 'Draft' && <Badge variant="outline">{t('gradeStatus.Draft')}</Badge>}
                </Group>
              </Group>
            ))}
          </Stack>
          <Pager page={toGrade.data.page} pageSize={toGrade.data.pageSize} totalCount={toGrade.data.totalCount} onChange={setPage} />
        </Stack>
      )}
    </Paper>
  );
}
