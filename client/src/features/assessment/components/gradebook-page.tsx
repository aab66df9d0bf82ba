import { Alert, Badge, Button, Group, Stack, Switch, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { WideGrid } from '@/components/wide-grid/wide-grid';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { can, useCohortAccess } from '@/lib/api/cohort-access';
import { useDownloadGradebookCsv, useGradebook, type Gradebook } from '@/features/assessment/api/gradebook';
import { GradeCell, GradeLegend } from './grade-cell';

const NAME_WIDTH = 160;
const CELL_WIDTH = 60;
const border = '1px solid var(--mantine-color-gray-3)';
const stickyTop: CSSProperties = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderBottom: border, verticalAlign: 'bottom', padding: 4 };
const nameCol: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: NAME_WIDTH, maxWidth: NAME_WIDTH, width: NAME_WIDTH, textAlign: 'left', borderRight: border };
const cell: CSSProperties = { minWidth: CELL_WIDTH, textAlign: 'right', borderBottom: border, padding: '2px 6px', whiteSpace: 'nowrap' };
const vertical: CSSProperties = { writingMode: 'vertical-rl', transform: 'rotate(180deg)', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxHeight: '9rem', display: 'inline-block', fontWeight: 500, fontSize: 'var(--mantine-font-size-xs)' };

/** The learners × assignments table: grade and category subtotals first, then one column per assignment by due date. */
function GradebookTable({ gradebook }: { gradebook: Gradebook }) {
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : t('gradebook.percent', { value: format.number(value) }));
  return (
    <WideGrid label={t('gradebook.tableLabel')} testId="gradebook">
      <table role="grid" style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 'var(--mantine-font-size-sm)' }}>
        <caption>
          <VisuallyHidden>{t('gradebook.caption')}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <th scope="col" style={{ ...stickyTop, ...nameCol, zIndex: 3 }}>
              {t('gradebook.learner')}
            </th>
            <th scope="col" style={{ ...stickyTop, ...cell }}>
              {t('gradebook.grade')}
            </th>
            {gradebook.policy.categories.map((category) => (
              <th key={category.name} scope="col" style={{ ...stickyTop, ...cell }} title={t('gradebook.weightOf', { name: category.name, weight: format.number(category.weight) })}>
                {category.name}
                <Text component="span" display="block" size="xs" c="dimmed">
                  {t('gradebook.percent', { value: format.number(category.weight) })}
                </Text>
              </th>
            ))}
            {gradebook.assignments.map((column) => (
              <th key={column.id} scope="col" title={`${column.title} (${column.category}, /${format.number(column.maxPoints)})`} style={{ ...stickyTop, ...cell, textAlign: 'center' }}>
                <Link to={`/assignments/${column.id}`} style={{ ...vertical, color: 'inherit' }}>
                  {column.title}
                </Link>
                <Text component="span" display="block" size="xs" c="dimmed">
                  /{format.number(column.maxPoints)}
                </Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {gradebook.items.map((row) => (
            <tr key={row.userId}>
              <th scope="row" style={{ ...nameCol, padding: '2px 6px', borderBottom: border, fontWeight: 500 }}>
                <Text size="sm" truncate="end" title={row.displayName} fw={500}>
                  {row.displayName}
                </Text>
                {row.withdrawn && (
                  <Badge size="xs" variant="outline" color="gray">
                    {t('gradebook.withdrawn')}
                  </Badge>
                )}
              </th>
              <td style={{ ...cell, fontWeight: 700 }} data-testid={`grade-${row.userId}`}>
                {percent(row.grade)}
                {row.passed !== null && row.passed !== undefined && (
                  <Text component="span" display="block" size="xs" fw={500} c={row.passed ? undefined : 'red.9'}>
                    {row.passed ? `✓ ${t('gradebook.passed')}` : `✗ ${t('gradebook.failed')}`}
                  </Text>
                )}
              </td>
              {row.categories.map((category) => (
                <td key={category.name} style={cell}>
                  {percent(category.grade)}
                </td>
              ))}
              {row.cells.map((value, i) => {
                const column = gradebook.assignments[i];
                return (
                  <td key={column?.id ?? i} style={{ ...cell, color: value.dropped ? 'var(--mantine-color-dimmed)' : undefined }}>
                    <GradeCell cell={value} title={column?.title ?? ''} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </WideGrid>
  );
}

/**
 * The staff's gradebook (trainers and org admins: every learner; a mentor: theirs, as the API answers), paged over
 * learners, with the CSV export for those who act on every learner and the policy for those who manage assignments.
 */
export function GradebookPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const withdrawn = params.get('withdrawn') === '1';
  const cohort = useCohortAccess(cohortId);
  const gradebook = useGradebook(cohortId, page, withdrawn && cohort.data !== undefined && can(cohort.data, 'ActOnAllLearners'));
  const csv = useDownloadGradebookCsv(cohortId);

  if (cohort.isPending || gradebook.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  if (gradebook.isError) return <ErrorState error={gradebook.error} onRetry={() => void gradebook.refetch()} />;
  const { policy } = gradebook.data;

  return (
    <Stack>
      <PageTitle>{t('gradebook.title')}</PageTitle>
      <Text c="dimmed">{cohort.data.title}</Text>
      <Group gap="xs">
        {can(cohort.data, 'ActOnAllLearners') && (
          <Button variant="light" loading={csv.isPending} onClick={() => csv.mutate()}>
            {t('gradebook.export')}
          </Button>
        )}
        {can(cohort.data, 'ManageAssignments') && (
          <Button component={Link} to={`/cohorts/${cohortId}/gradebook/policy`} variant="light">
            {t('gradebook.policyLink')}
          </Button>
        )}
        <Button component={Link} to={`/cohorts/${cohortId}/competencies`} variant="light">
          {t('gradebook.heatmap.link')}
        </Button>
      </Group>
      {can(cohort.data, 'ActOnAllLearners') && (
        <Switch
          label={t('gradebook.showWithdrawn')}
          checked={withdrawn}
          onChange={(event) => setParams(event.currentTarget.checked ? { withdrawn: '1' } : {})}
        />
      )}
      {csv.isError && <ProblemAlert error={csv.error} />}
      <Text size="sm">
        {policy.categories.length === 0
          ? t('gradebook.byPoints', { passMark: format.number(policy.passMark) })
          : t('gradebook.byCategories', { passMark: format.number(policy.passMark) })}{' '}
        {policy.missingCountsAsZero ? t('gradebook.missingZero') : t('gradebook.missingIgnored')}
        {policy.isDefault && (
          <Badge ml="xs" variant="outline" color="gray">
            {t('gradebook.defaultPolicy')}
          </Badge>
        )}
      </Text>
      {gradebook.data.items.length === 0 ? (
        <EmptyState title={t('gradebook.emptyTitle')} message={t('gradebook.empty')} />
      ) : (
        <>
          <GradeLegend />
          {gradebook.data.assignments.length === 0 && <Alert color="gray">{t('gradebook.noAssignments')}</Alert>}
          <GradebookTable gradebook={gradebook.data} />
          <Pager page={page} pageSize={gradebook.data.pageSize} totalCount={gradebook.data.totalCount} onChange={(next) => setParams({ page: String(next), ...(withdrawn && { withdrawn: '1' }) })} />
        </>
      )}
      <Button component={Link} to={`/cohorts/${cohortId}/assignments`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('gradebook.backToAssignments')}
      </Button>
    </Stack>
  );
}
