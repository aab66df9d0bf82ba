import { Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { useProgress, type Progress } from '@/features/courses/api/progress';
import { useCohortSummary } from '@/features/courses/api/schedule';
import { PacingPanel } from './pacing-panel';
import { activityRates, completionIndex } from './progress';

const NAME_WIDTH = 200;
const PERCENT_WIDTH = 64;
const CELL_WIDTH = 36;

const border = '1px solid var(--mantine-color-gray-3)';
const stickyTop: CSSProperties = { position: 'sticky', top: 0, zIndex: 2, background: 'var(--mantine-color-body)' };
const nameCol: CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: NAME_WIDTH, maxWidth: NAME_WIDTH, width: NAME_WIDTH };
const percentCol: CSSProperties = { position: 'sticky', left: NAME_WIDTH, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: PERCENT_WIDTH, width: PERCENT_WIDTH, textAlign: 'right', borderRight: border };
const cell: CSSProperties = { width: CELL_WIDTH, minWidth: CELL_WIDTH, textAlign: 'center', borderBottom: border, padding: '2px 0' };
const vertical: CSSProperties = {
  writingMode: 'vertical-rl',
  transform: 'rotate(180deg)',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  maxHeight: '9rem',
  display: 'inline-block',
  fontWeight: 500,
  fontSize: 'var(--mantine-font-size-xs)',
};

function Matrix({
  progress,
  sectionTitles,
  timeZone,
  onPacing,
}: {
  progress: Progress;
  sectionTitles: Map<string, string>;
  timeZone: string;
  onPacing: (userId: string) => void;
}) {
  const { t } = useTranslation(['courses', 'common']);
  const format = useFormatters();
  const activityIds = progress.activities.map((a) => a.id);
  const index = completionIndex(activityIds, progress.learners);
  const rates = activityRates(activityIds, progress.learners);
  // Section bands above the activity columns (consecutive columns of the same section).
  const bands: { sectionId: string; span: number }[] = [];
  for (const activity of progress.activities) {
    const last = bands[bands.length - 1];
    if (last && last.sectionId === activity.sectionId) last.span += 1;
    else bands.push({ sectionId: activity.sectionId, span: 1 });
  }

  return (
    <div
      style={{ overflow: 'auto', maxHeight: '70vh', border, borderRadius: 'var(--mantine-radius-sm)' }}
      tabIndex={0}
      role="region"
      aria-labelledby="matrix-title"
      data-testid="progress-matrix"
    >
      <table style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 'var(--mantine-font-size-sm)' }}>
        <caption style={{ textAlign: 'left', padding: 8, captionSide: 'top' }}>
          <VisuallyHidden>{t('progress.caption')}</VisuallyHidden>
        </caption>
        <thead>
          {sectionTitles.size > 0 && (
            <tr>
              <td style={{ ...stickyTop, ...nameCol, zIndex: 3 }} />
              <td style={{ ...stickyTop, ...percentCol, zIndex: 3 }} />
              {bands.map((band, i) => (
                <th
                  key={`${band.sectionId}-${i}`}
                  scope="colgroup"
                  colSpan={band.span}
                  style={{ ...stickyTop, fontSize: 'var(--mantine-font-size-xs)', borderBottom: border, borderLeft: border, padding: '2px 4px', textAlign: 'left', whiteSpace: 'nowrap', overflow: 'hidden', maxWidth: band.span * CELL_WIDTH }}
                >
                  {sectionTitles.get(band.sectionId) ?? ''}
                </th>
              ))}
            </tr>
          )}
          <tr>
            <th scope="col" style={{ ...stickyTop, ...nameCol, zIndex: 3, textAlign: 'left', verticalAlign: 'bottom', padding: 4, borderBottom: border }}>
              {t('progress.learner')}
            </th>
            <th scope="col" style={{ ...stickyTop, ...percentCol, zIndex: 3, verticalAlign: 'bottom', padding: 4, borderBottom: border }}>
              {t('progress.percent')}
            </th>
            {progress.activities.map((activity, i) => (
              <th key={activity.id} scope="col" title={activity.title} style={{ ...stickyTop, ...cell, verticalAlign: 'bottom', paddingBottom: 4 }}>
                <span style={vertical}>
                  {i + 1}. {activity.title}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {progress.learners.map((row) => {
            const done = index.get(row.userId);
            return (
              <tr key={row.userId} aria-label={row.displayName} style={row.withdrawn ? { opacity: 0.75 } : undefined}>
                <th scope="row" style={{ ...nameCol, textAlign: 'left', padding: '2px 4px', borderBottom: border, fontWeight: 500 }}>
                  <Group gap={4} wrap="nowrap" justify="space-between">
                    <Text size="sm" truncate="end" title={row.displayName} fw={500}>
                      {row.displayName}
                    </Text>
                    <Group gap={4} wrap="nowrap">
                      {row.withdrawn && (
                        <Badge size="xs" color="gray" variant="light">
                          {t('progress.withdrawn')}
                        </Badge>
                      )}
                      <Button size="compact-xs" variant="subtle" onClick={() => onPacing(row.userId)} aria-label={t('progress.pacingFor', { name: row.displayName })}>
                        {t('progress.pacing')}
                      </Button>
                    </Group>
                  </Group>
                </th>
                <td style={{ ...percentCol, padding: '2px 6px', borderBottom: border, fontWeight: 700 }} data-testid={`percent-${row.userId}`}>
                  {t('learn.percent', { value: format.number(row.completionPercent) })}
                </td>
                {progress.activities.map((activity) => {
                  const at = done?.get(activity.id);
                  return (
                    <td
                      key={activity.id}
                      style={{ ...cell, background: at ? 'var(--mantine-color-green-1)' : undefined }}
                      title={at ? t('progress.doneOn', { date: format.dateTimeIn(at, timeZone) }) : undefined}
                    >
                      {at ? (
                        <>
                          <span aria-hidden style={{ color: 'var(--mantine-color-green-9)' }}>
                            ✓
                          </span>
                          <VisuallyHidden>{t('progress.doneCell', { title: activity.title })}</VisuallyHidden>
                        </>
                      ) : (
                        <VisuallyHidden>{t('progress.notDoneCell', { title: activity.title })}</VisuallyHidden>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" style={{ ...nameCol, textAlign: 'left', padding: 4 }}>
              {t('progress.rate')}
            </th>
            <td style={{ ...percentCol, padding: 4 }} />
            {progress.activities.map((activity) => (
              <td key={activity.id} style={{ ...cell, fontSize: 'var(--mantine-font-size-xs)' }}>
                {format.number(rates.get(activity.id) ?? 0)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** /cohorts/:cohortId/progress: the staff's learners × activities matrix and each learner's pacing. */
export function CohortProgressPage() {
  const { t } = useTranslation(['courses', 'common']);
  const { cohortId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const cohort = useCohortSummary(cohortId);
  const progress = useProgress(cohortId);
  const selectedId = params.get('learner');

  if (cohort.isPending || progress.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />;

  const sectionTitles = new Map(progress.data.activities.map((activity) => [activity.sectionId, activity.sectionTitle]));
  const selected = progress.data.learners.find((row) => row.userId === selectedId);
  const select = (userId: string | null) => {
    const next = new URLSearchParams(params);
    if (userId) next.set('learner', userId);
    else next.delete('learner');
    setParams(next, { replace: true });
  };

  return (
    <Stack>
      <PageTitle>{t('progress.title', { title: cohort.data.title })}</PageTitle>
      {selected && (
        <PacingPanel
          key={selected.userId}
          cohortId={cohortId}
          learner={selected}
          activities={progress.data.activities}
          onClose={() => select(null)}
        />
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="matrix-title">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3" id="matrix-title">
            {t('progress.matrixTitle')}
          </Title>
          <Button variant="default" size="xs" loading={progress.isFetching} onClick={() => void progress.refetch()}>
            {t('progress.refresh')}
          </Button>
        </Group>
        {progress.data.learners.length === 0 || progress.data.activities.length === 0 ? (
          <EmptyState
            headingLevel={3}
            title={t('progress.emptyTitle')}
            message={progress.data.activities.length === 0 ? t('progress.noActivities') : t('progress.noLearners')}
          />
        ) : (
          <Matrix progress={progress.data} sectionTitles={sectionTitles} timeZone={cohort.data.timeZone} onPacing={(userId) => select(userId)} />
        )}
      </Paper>
      <Button component={Link} to={`/cohorts/${cohortId}`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('learn.backToCohort')}
      </Button>
    </Stack>
  );
}
