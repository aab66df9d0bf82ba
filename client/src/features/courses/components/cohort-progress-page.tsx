import { Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { WideGrid } from '@/components/wide-grid/wide-grid';
import { wideGridStyles } from '@/components/wide-grid/wide-grid-styles';
import { useFormatters } from '@/lib/i18n/format';
import { useProgress, type Progress } from '@/features/courses/api/progress';
import { useCohortSummary } from '@/features/courses/api/schedule';
import { PacingPanel } from './pacing-panel';
import { activityRates, completionIndex, sectionBands } from './progress';

const NAME_WIDTH = 200;
const PERCENT_WIDTH = 64;
const CELL_WIDTH = 36;

const { border, stickyTop, stickyStart, truncated, vertical } = wideGridStyles;
const nameCol = stickyStart(NAME_WIDTH);
const percentCol: CSSProperties = { ...stickyStart(PERCENT_WIDTH, NAME_WIDTH), textAlign: 'right', borderRight: border };
const cell: CSSProperties = { width: CELL_WIDTH, minWidth: CELL_WIDTH, textAlign: 'center', borderBottom: border, padding: '2px 0' };

type CellState = 'done' | 'doneLate' | 'late' | 'notDone';
const look: Record<CellState, { mark: string; background?: string; color?: string }> = {
  done: { mark: '✓', background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-green-9)' },
  doneLate: { mark: '✓', background: 'var(--mantine-color-yellow-1)', color: 'var(--mantine-color-yellow-9)' },
  late: { mark: '!', background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)' },
  notDone: { mark: '' },
};

/** What the matrix shows: completion against each learner's own due date, not a grade. */
function Legend() {
  const { t } = useTranslation('courses');
  const items: [CellState, string][] = [
    ['done', t('progress.legendDone')],
    ['doneLate', t('progress.legendDoneLate')],
    ['late', t('progress.legendLate')],
    ['notDone', t('progress.legendNotDone')],
  ];
  return (
    <Group gap="md" mb="xs" component="ul" aria-label={t('progress.legend')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map(([state, label]) => (
        <Group key={state} component="li" gap={4} wrap="nowrap">
          <span aria-hidden style={{ display: 'inline-block', width: 20, textAlign: 'center', border, background: look[state].background, color: look[state].color }}>
            {look[state].mark || '\u00a0'}
          </span>
          <Text size="xs">{label}</Text>
        </Group>
      ))}
    </Group>
  );
}

function Matrix({
  progress,
  timeZone,
  onPacing,
}: {
  progress: Progress;
  timeZone: string;
  onPacing: (userId: string) => void;
}) {
  const { t } = useTranslation(['courses', 'common']);
  const format = useFormatters();
  const activityIds = progress.activities.map((a) => a.id);
  const index = completionIndex(activityIds, progress.learners);
  const rates = activityRates(activityIds, progress.learners);
  const bands = sectionBands(progress.activities);
  const stateText: Record<CellState, (title: string) => string> = {
    done: (title) => t('progress.doneCell', { title }),
    doneLate: (title) => t('progress.doneLateCell', { title }),
    late: (title) => t('progress.lateCell', { title }),
    notDone: (title) => t('progress.notDoneCell', { title }),
  };

  return (
    <WideGrid label={t('progress.matrixTitle')} testId="progress-matrix">
      <table role="grid" aria-labelledby="matrix-title" style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 'var(--mantine-font-size-sm)' }}>
        <caption style={{ textAlign: 'left', padding: 8, captionSide: 'top' }}>
          <VisuallyHidden>{t('progress.caption')}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            <td style={{ ...stickyTop, ...nameCol, zIndex: 3 }} />
            <td style={{ ...stickyTop, ...percentCol, zIndex: 3 }} />
            {bands.map((band) => (
              <th
                key={`${band.sectionId}-${band.first}`}
                scope="colgroup"
                colSpan={band.span}
                title={band.title}
                data-detail={t('progress.sectionDetail', { title: band.title })}
                style={{ ...stickyTop, fontSize: 'var(--mantine-font-size-xs)', borderBottom: border, borderLeft: border, padding: '2px 4px', textAlign: 'left' }}
              >
                <span style={truncated(band.span * CELL_WIDTH - 8)}>{band.title}</span>
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" style={{ ...stickyTop, ...nameCol, zIndex: 3, textAlign: 'left', verticalAlign: 'bottom', padding: 4, borderBottom: border }}>
              {t('progress.learner')}
            </th>
            <th scope="col" style={{ ...stickyTop, ...percentCol, zIndex: 3, verticalAlign: 'bottom', padding: 4, borderBottom: border }}>
              {t('progress.percent')}
            </th>
            {progress.activities.map((activity, i) => (
              <th
                key={activity.id}
                scope="col"
                title={activity.title}
                data-detail={t('progress.activityDetail', { n: i + 1, title: activity.title, section: activity.sectionTitle })}
                style={{ ...stickyTop, ...cell, verticalAlign: 'bottom', paddingBottom: 4 }}
              >
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
            const late = new Set(row.late.map((column) => activityIds[column]));
            return (
              <tr key={row.userId} aria-label={row.displayName} style={row.withdrawn ? { opacity: 0.75 } : undefined}>
                <th scope="row" title={row.displayName} style={{ ...nameCol, textAlign: 'left', padding: '2px 4px', borderBottom: border, fontWeight: 500 }}>
                  <Group gap={4} wrap="nowrap" justify="space-between">
                    <Text size="sm" truncate="end" fw={500}>
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
                {progress.activities.map((activity, i) => {
                  const at = done?.get(activity.id);
                  const state: CellState = at ? (late.has(activity.id) ? 'doneLate' : 'done') : late.has(activity.id) ? 'late' : 'notDone';
                  const text = stateText[state](activity.title);
                  return (
                    <td
                      key={activity.id}
                      style={{ ...cell, background: look[state].background }}
                      data-detail={t('progress.cellDetail', {
                        name: row.displayName,
                        n: i + 1,
                        title: activity.title,
                        state: at ? `${text} — ${t('progress.doneOn', { date: format.dateTimeIn(at, timeZone) })}` : text,
                      })}
                    >
                      <span aria-hidden style={{ color: look[state].color, fontWeight: 700 }}>
                        {look[state].mark}
                      </span>
                      <VisuallyHidden>{text}</VisuallyHidden>
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
    </WideGrid>
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
          <>
            <Legend />
            <Matrix progress={progress.data} timeZone={cohort.data.timeZone} onPacing={(userId) => select(userId)} />
          </>
        )}
      </Paper>
      <Button component={Link} to={`/cohorts/${cohortId}`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('learn.backToCohort')}
      </Button>
    </Stack>
  );
}
