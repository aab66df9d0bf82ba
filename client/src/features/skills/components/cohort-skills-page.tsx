import { Button, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { WideGrid } from '@/components/wide-grid/wide-grid';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { useCohortSkills, useDownloadCohortSkills, type CohortSkills } from '@/features/skills/api/skills';
import { LearnerSkillsList } from './learner-skills-list';
import { skillColour } from './skill-cell';
import { DistributionChart, ProgressChart } from './skills-charts';

const border = '1px solid var(--mantine-color-gray-3)';
const stickyTop: CSSProperties = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderBottom: border, padding: 4 };
const nameCol: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 160, textAlign: 'left', borderRight: border, padding: '2px 6px' };

/** Staff's view of a cohort's skills: the matrix (paged over learners), the distribution and the progress, each chart with its table, and the exports. */
export function CohortSkillsPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation('skills');
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const selected = params.get('learner');
  const skills = useCohortSkills(cohortId, page);
  const download = useDownloadCohortSkills(cohortId);
  if (skills.isPending) return <LoadingState />;
  if (skills.isError) return <ErrorState error={skills.error} onRetry={() => void skills.refetch()} />;
  const data = skills.data;
  const selectedRow = data.learners.items.find((row) => row.learnerId === selected);

  return (
    <Stack>
      <PageTitle>{t('cohortTitle')}</PageTitle>
      <Text size="sm">{t('hint', { threshold: format.number(data.threshold) })}</Text>
      <Group gap="xs">
        {(['csv', 'xlsx'] as const).map((kind) => (
          <Button key={kind} variant="light" loading={download.isPending && download.variables === kind} onClick={() => download.mutate(kind)}>
            {t(kind === 'csv' ? 'exportCsv' : 'exportXlsx')}
          </Button>
        ))}
      </Group>
      {download.isError && <ProblemAlert error={download.error} />}
      {data.competencies.length === 0 || data.learners.totalCount === 0 ? (
        <EmptyState title={t('emptyTitle')} message={t('empty')} />
      ) : (
        <>
          <Matrix data={data} onSelect={(learnerId) => setParams({ page: String(page), learner: learnerId })} />
          <Pager page={page} pageSize={data.learners.pageSize} totalCount={data.learners.totalCount} onChange={(next) => setParams({ page: String(next) })} />
          {selectedRow && (
            <Paper withBorder p="md" component="section" aria-labelledby="learner-skills-title">
              <Group justify="space-between">
                <Title order={2} size="h4" id="learner-skills-title">
                  {t('learnerTitle', { name: selectedRow.displayName })}
                </Title>
                <Button variant="subtle" onClick={() => setParams({ page: String(page) })}>
                  {t('close')}
                </Button>
              </Group>
              <LearnerSkillsList cohortId={cohortId} userId={selectedRow.learnerId} />
            </Paper>
          )}
          <Distribution data={data} />
          <Progress data={data} />
        </>
      )}
    </Stack>
  );
}

function Matrix({ data, onSelect }: { data: CohortSkills; onSelect: (learnerId: string) => void }) {
  const { t } = useTranslation('skills');
  const format = useFormatters();
  return (
    <WideGrid label={t('matrix')} testId="skills-matrix">
      <table role="grid" style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 'var(--mantine-font-size-sm)' }}>
        <caption>
          <VisuallyHidden>{t('matrixCaption')}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col" style={{ ...stickyTop, ...nameCol, zIndex: 3 }}>
              {t('learner')}
            </th>
            {data.competencies.map((competency) => (
              <th key={competency.code} scope="col" title={competency.title} style={{ ...stickyTop, minWidth: 96, textAlign: 'center' }}>
                {competency.code}
                <VisuallyHidden> {competency.title}</VisuallyHidden>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.learners.items.map((row) => (
            <tr key={row.learnerId}>
              <th scope="row" style={{ ...nameCol, borderBottom: border, fontWeight: 500 }}>
                <Button variant="subtle" size="compact-sm" onClick={() => onSelect(row.learnerId)} aria-label={`${t('details')} : ${row.displayName}`}>
                  {row.displayName}
                </Button>
              </th>
              {row.cells.map((cell) => (
                <td key={cell.code} style={{ textAlign: 'center', borderBottom: border, padding: '4px 6px', background: skillColour(cell), color: 'var(--mantine-color-black)' }}>
                  <div>{cell.mastery === null || cell.mastery === undefined ? '—' : t('percent', { value: format.number(cell.mastery) })}</div>
                  <Text size="xs">{t(`status.${cell.status}`)}</Text>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </WideGrid>
  );
}

function Distribution({ data }: { data: CohortSkills }) {
  const { t } = useTranslation('skills');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="distribution-title">
      <Title order={2} size="h4" id="distribution-title">
        {t('distribution')}
      </Title>
      <DistributionChart
        data={data.distribution.map((d) => ({ code: d.code, acquired: d.acquired, inProgress: d.inProgress, notStarted: d.notStarted }))}
        labels={{ acquired: t('status.Acquired'), inProgress: t('status.InProgress'), notStarted: t('status.NotStarted') }}
      />
      <Table.ScrollContainer minWidth={560}>
        <Table data-testid="distribution-table">
          <Table.Caption>{t('distributionCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('code')}</Table.Th>
              <Table.Th scope="col">{t('status.Acquired')}</Table.Th>
              <Table.Th scope="col">{t('status.InProgress')}</Table.Th>
              <Table.Th scope="col">{t('status.NotStarted')}</Table.Th>
              <Table.Th scope="col">{t('buckets.noEvidence')}</Table.Th>
              <Table.Th scope="col">{t('buckets.below25')}</Table.Th>
              <Table.Th scope="col">{t('buckets.below50')}</Table.Th>
              <Table.Th scope="col">{t('buckets.below75')}</Table.Th>
              <Table.Th scope="col">{t('buckets.from75')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.distribution.map((d) => (
              <Table.Tr key={d.code}>
                <Table.Th scope="row">{d.code}</Table.Th>
                {[d.acquired, d.inProgress, d.notStarted, d.noEvidence, d.below25, d.below50, d.below75, d.from75].map((value, i) => (
                  <Table.Td key={i}>{value}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function Progress({ data }: { data: CohortSkills }) {
  const { t } = useTranslation('skills');
  const format = useFormatters();
  if (data.progress.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
      <Title order={2} size="h4" id="progress-title">
        {t('progress')}
      </Title>
      <ProgressChart
        data={data.progress.map((p) => ({ week: format.day(p.weekEnding), acquired: p.acquiredPercent, completion: p.completionPercent }))}
        labels={{ acquired: t('acquiredShare'), completion: t('completion') }}
      />
      <Table.ScrollContainer minWidth={400}>
        <Table data-testid="progress-table">
          <Table.Caption>{t('progressCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('weekEnding')}</Table.Th>
              <Table.Th scope="col">{t('acquiredShare')}</Table.Th>
              <Table.Th scope="col">{t('completion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.progress.map((p) => (
              <Table.Tr key={p.weekEnding}>
                <Table.Th scope="row">{format.day(p.weekEnding)}</Table.Th>
                <Table.Td>{t('percent', { value: format.number(p.acquiredPercent) })}</Table.Td>
                <Table.Td>{t('percent', { value: format.number(p.completionPercent) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
