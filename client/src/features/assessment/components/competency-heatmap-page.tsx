import { Button, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { WideGrid } from '@/components/wide-grid/wide-grid';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { useCompetencyHeatmap } from '@/features/assessment/api/gradebook';
import { masteryColour } from './gradebook-math';

const border = '1px solid var(--mantine-color-gray-3)';
const stickyTop: CSSProperties = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)', borderBottom: border, padding: 4 };
const nameCol: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 160, maxWidth: 160, textAlign: 'left', borderRight: border, padding: '2px 6px' };

/** Competency × learner: each cell is coloured by the latest mastery and shows its number; paged over learners. */
export function CompetencyHeatmapPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const heatmap = useCompetencyHeatmap(cohortId, page);
  if (heatmap.isPending) return <LoadingState />;
  if (heatmap.isError) return <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} />;
  const { competencies, items } = heatmap.data;

  return (
    <Stack>
      <PageTitle>{t('gradebook.heatmap.title')}</PageTitle>
      <Text size="sm">{t('gradebook.heatmap.hint')}</Text>
      {items.length === 0 || competencies.length === 0 ? (
        <EmptyState title={t('gradebook.heatmap.emptyTitle')} message={t('gradebook.heatmap.empty')} />
      ) : (
        <>
          <WideGrid label={t('gradebook.heatmap.title')} testId="heatmap">
            <table role="grid" style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 'var(--mantine-font-size-sm)' }}>
              <caption>
                <VisuallyHidden>{t('gradebook.heatmap.caption')}</VisuallyHidden>
              </caption>
              <thead>
                <tr>
                  <th scope="col" style={{ ...stickyTop, ...nameCol, zIndex: 3 }}>
                    {t('gradebook.learner')}
                  </th>
                  {competencies.map((competency) => (
                    <th key={competency.code} scope="col" title={competency.title} style={{ ...stickyTop, minWidth: 64, textAlign: 'center' }}>
                      {competency.code}
                      <VisuallyHidden> {competency.title}</VisuallyHidden>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {items.map((row) => (
                  <tr key={row.userId}>
                    <th scope="row" style={{ ...nameCol, borderBottom: border, fontWeight: 500 }}>
                      {row.displayName}
                    </th>
                    {competencies.map((competency) => {
                      const value = row.latest[competency.code];
                      return (
                        <td
                          key={competency.code}
                          style={{ textAlign: 'center', borderBottom: border, padding: '4px 6px', background: value === undefined ? undefined : masteryColour(value), color: 'var(--mantine-color-black)' }}
                          title={`${row.displayName}, ${competency.title}`}
                        >
                          {value === undefined ? (
                            <>
                              <span aria-hidden>—</span>
                              <VisuallyHidden>{t('gradebook.heatmap.noEvidence')}</VisuallyHidden>
                            </>
                          ) : (
                            t('gradebook.percent', { value: format.number(value) })
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </WideGrid>
          <Pager page={page} pageSize={heatmap.data.pageSize} totalCount={heatmap.data.totalCount} onChange={(next) => setParams({ page: String(next) })} />
        </>
      )}
      <Button component={Link} to={`/cohorts/${cohortId}/gradebook`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('gradebook.heatmap.back')}
      </Button>
    </Stack>
  );
}
