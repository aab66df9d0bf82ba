import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useGradebook, useLearnerCompetencies } from '@/features/assessment/api/gradebook';
import { CompetencyRadar, ResultsChart } from './grade-charts';
import { GradeCell, GradeLegend } from './grade-cell';
import { releasedResults } from './gradebook-math';

function Competencies({ cohortId, userId }: { cohortId: string; userId: string }) {
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const competencies = useLearnerCompetencies(cohortId, userId);
  if (competencies.isPending) return <LoadingState />;
  if (competencies.isError) return <ErrorState error={competencies.error} onRetry={() => void competencies.refetch()} />;
  const measured = competencies.data.competencies.filter((c) => c.latest !== null && c.latest !== undefined);
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : t('gradebook.percent', { value: format.number(value) }));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-competencies">
      <Title order={2} size="h4" id="my-competencies" mb="sm">
        {t('gradebook.mine.competencies')}
      </Title>
      {measured.length === 0 ? (
        <Text c="dimmed">{t('gradebook.mine.noCompetencies')}</Text>
      ) : (
        <Stack>
          {measured.length >= 3 && (
            <CompetencyRadar label={t('gradebook.mine.radarLabel')} values={measured.map((c) => ({ code: c.code, percent: c.latest ?? 0 }))} />
          )}
          <Table.ScrollContainer minWidth={360}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('gradebook.mine.competency')}</Table.Th>
                  <Table.Th scope="col">{t('gradebook.mine.latest')}</Table.Th>
                  <Table.Th scope="col">{t('gradebook.mine.average')}</Table.Th>
                  <Table.Th scope="col">{t('gradebook.mine.trend')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {competencies.data.competencies.map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Th scope="row" fw={500}>
                      {c.code} {c.title && `– ${c.title}`}
                    </Table.Th>
                    <Table.Td>{percent(c.latest)}</Table.Td>
                    <Table.Td>{percent(c.average)}</Table.Td>
                    <Table.Td>
                      {c.trend === null || c.trend === undefined
                        ? '—'
                        : `${c.trend > 0 ? '↑ +' : c.trend < 0 ? '↓ ' : '→ '}${t('gradebook.mine.points', { value: format.number(c.trend) })}`}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Paper>
  );
}

/** "Mes notes": the learner's own gradebook row (the API answers a learner with theirs only), a chart over time, and competencies. */
export function MyGradesPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const { user } = useSession();
  const gradebook = useGradebook(cohortId, 1);
  if (gradebook.isPending) return <LoadingState />;
  if (gradebook.isError) return <ErrorState error={gradebook.error} onRetry={() => void gradebook.refetch()} />;
  const row = gradebook.data.items.find((item) => item.userId === user?.id) ?? gradebook.data.items[0];
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : t('gradebook.percent', { value: format.number(value) }));
  const results = row ? releasedResults(gradebook.data, row) : [];

  return (
    <Stack>
      <PageTitle>{t('gradebook.mine.title')}</PageTitle>
      {!row ? (
        <EmptyState title={t('gradebook.mine.emptyTitle')} message={t('gradebook.mine.empty')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="my-grade">
              <Title order={2} size="h4" id="my-grade">
                {t('gradebook.mine.current')}
              </Title>
              <Group gap="sm" align="baseline">
                <Text fz={32} fw={700} data-testid="my-grade">
                  {percent(row.grade)}
                </Text>
                {row.passed !== null && row.passed !== undefined && (
                  <Badge color={row.passed ? 'green' : 'red'} variant="light">
                    {row.passed ? `✓ ${t('gradebook.passed')}` : `✗ ${t('gradebook.failed')}`}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {t('gradebook.mine.passMark', { passMark: format.number(gradebook.data.policy.passMark) })}
              </Text>
              {row.categories.length > 0 && (
                <Stack component="dl" gap={4} mt="sm">
                  {row.categories.map((category, i) => (
                    <Group key={category.name} justify="space-between">
                      <Text component="dt" size="sm">
                        {t('gradebook.mine.category', { name: category.name, weight: format.number(gradebook.data.policy.categories[i]?.weight ?? 0) })}
                      </Text>
                      <Text component="dd" m={0} size="sm" fw={600}>
                        {percent(category.grade)}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="my-results-chart">
              <Title order={2} size="h4" id="my-results-chart" mb="sm">
                {t('gradebook.mine.overTime')}
              </Title>
              {results.length === 0 ? (
                <Text c="dimmed">{t('gradebook.mine.noResults')}</Text>
              ) : (
                <ResultsChart
                  points={results}
                  formatDay={(iso) => format.date(iso)}
                  label={t('gradebook.mine.chartLabel', { list: results.map((r) => `${r.title} ${t('gradebook.percent', { value: format.number(r.percent) })}`).join(' ; ') })}
                />
              )}
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md" component="section" aria-labelledby="my-results">
            <Title order={2} size="h4" id="my-results" mb="sm">
              {t('gradebook.mine.results')}
            </Title>
            <GradeLegend />
            <Table.ScrollContainer minWidth={420}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('list.assignment')}</Table.Th>
                    <Table.Th scope="col">{t('gradebook.mine.categoryColumn')}</Table.Th>
                    <Table.Th scope="col">{t('list.due')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      {t('gradebook.mine.score')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {gradebook.data.assignments.map((column, i) => {
                    const cell = row.cells[i];
                    return (
                      <Table.Tr key={column.id}>
                        <Table.Th scope="row" fw={500}>
                          <Link to={`/assignments/${column.id}`}>{column.title}</Link>
                        </Table.Th>
                        <Table.Td>{column.category}</Table.Td>
                        <Table.Td>{format.date(column.dueAt)}</Table.Td>
                        <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                          {cell && <GradeCell cell={cell} title={column.title} />} / {format.number(column.maxPoints)}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Competencies cohortId={cohortId} userId={row.userId} />
        </>
      )}
      <Button component={Link} to={`/cohorts/${cohortId}/assignments`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('gradebook.backToAssignments')}
      </Button>
    </Stack>
  );
}
