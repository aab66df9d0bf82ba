import { Anchor, Badge, Button, Group, List, Paper, Progress, RingProgress, SimpleGrid, Stack, Text, Title, Typography } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { useDownloadActivityFile } from '@/features/courses/api/files';
import { useCohortSummary, useMarkDone, useSchedule, type Schedule, type ScheduledActivity } from '@/features/courses/api/schedule';
import { nextActivity } from './next-activity';
import { completionsOverTime, percentOf, sectionProgress } from './progress';

// The chart brings Recharts: its own chunk, loaded once the page has drawn (ADR 0034).
const CompletionChart = lazy(() => import('./completion-chart').then((m) => ({ default: m.CompletionChart })));

/** Trusted HTML only: the server renders Markdown and sanitizes it (Markdig + HtmlSanitizer). */
function ServerHtml({ html, testId }: { html: string; testId?: string }) {
  return (
    <Typography>
      <div data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}

function ActivityReader({ cohortId, activity, timeZone, next, onOpen }: { cohortId: string; activity: ScheduledActivity; timeZone: string; next?: ScheduledActivity; onOpen: (activityId: string) => void }) {
  const { t } = useTranslation(['courses', 'common', 'homes']);
  const format = useFormatters();
  const markDone = useMarkDone(cohortId);
  const download = useDownloadActivityFile(cohortId);
  return (
    <Paper withBorder p="lg" component="article" aria-labelledby="reader-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={4}>
          <Badge variant="light">{t(`kind.${activity.kind}`)}</Badge>
          <Title order={2} size="h3" id="reader-title">
            {activity.title}
          </Title>
          {activity.dueAt && (
            <Text size="sm" c="dimmed">
              {t('learn.dueAt', { date: format.dateTimeIn(activity.dueAt, timeZone) })}
            </Text>
          )}
        </Stack>
      </Group>
      {activity.contentHtml ? <ServerHtml html={activity.contentHtml} testId="lesson-content" /> : null}
      {activity.url && (
        <Anchor href={activity.url} target="_blank" rel="noopener noreferrer">
          {t('learn.openLink')}
        </Anchor>
      )}
      {activity.hasFile && (
        <Stack gap="xs" mt="sm">
          <Button variant="default" style={{ alignSelf: 'flex-start' }} loading={download.isPending} onClick={() => download.mutate(activity.activityId)}>
            {t('learn.download')}
          </Button>
          {download.isError && <ProblemAlert error={download.error} />}
        </Stack>
      )}
      <Group mt="lg">
        {activity.completedAt ? (
          <Text fw={500} role="status" data-testid="completed-at">
            {t('learn.completedOn', { date: format.dateTimeIn(activity.completedAt, timeZone) })}
          </Text>
        ) : (
          <Button loading={markDone.isPending} onClick={() => markDone.mutate(activity.activityId)}>
            {t('learn.markDone')}
          </Button>
        )}
        {next && (
          <Button variant={activity.completedAt ? 'filled' : 'default'} onClick={() => onOpen(next.activityId)}>
            {t('homes:course.nextActivity', { title: next.title })}
          </Button>
        )}
      </Group>
      {markDone.isError && <ProblemAlert error={markDone.error} />}
    </Paper>
  );
}

/** The course's title, summary (sanitised server HTML) and competencies. */
function CourseAbout({ course }: { course: NonNullable<Schedule['course']> }) {
  const { t } = useTranslation('homes');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="course-about-title">
      <Title order={2} size="h3" id="course-about-title" mb="xs">
        {course.title}
      </Title>
      {course.summaryHtml && <ServerHtml html={course.summaryHtml} testId="course-summary" />}
      {course.competencies.length > 0 && (
        <>
          <Title order={3} size="h5" mt="sm" mb={4}>
            {t('course.competenciesTitle')}
          </Title>
          <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} data-testid="course-competencies">
            {course.competencies.map((competency) => (
              <Badge component="li" key={competency.code} variant="outline" tt="none" title={competency.title}>
                {competency.code} · {competency.title}
              </Badge>
            ))}
          </Group>
        </>
      )}
    </Paper>
  );
}

function ProgressSummary({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation(['courses', 'common']);
  const format = useFormatters();
  const sections = sectionProgress(schedule.activities);
  const done = schedule.activities.filter((a) => a.completedAt).length;
  const total = schedule.activities.length;
  const overall = percentOf(done, total);
  const points = completionsOverTime(
    schedule.activities.map((a) => a.completedAt),
    schedule.timeZone,
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md" component="section" aria-labelledby="my-progress-title">
        <Title order={2} size="h4" id="my-progress-title" mb="xs">
          {t('learn.progressTitle')}
        </Title>
        <Group align="center" wrap="nowrap">
          <RingProgress
            size={96}
            thickness={10}
            roundCaps
            sections={[{ value: overall, color: 'green' }]}
            label={
              <Text ta="center" fw={700} size="sm" data-testid="overall-percent">
                {t('learn.percent', { value: format.number(overall) })}
              </Text>
            }
            aria-hidden
          />
          <Text>{t('learn.doneCount', { count: done, done: format.number(done), total: format.number(total) })}</Text>
        </Group>
        <Stack gap="xs" mt="sm">
          {sections.map((section) => (
            <Stack key={section.sectionId} gap={2}>
              <Group justify="space-between" gap="xs">
                <Text size="sm" id={`section-progress-${section.sectionId}`}>
                  {section.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('learn.sectionCount', { done: section.done, total: section.total })}
                </Text>
              </Group>
              <Progress.Root>
                <Progress.Section value={section.percent} aria-label={t('learn.sectionProgress', { title: section.title, value: section.percent })} />
              </Progress.Root>
            </Stack>
          ))}
        </Stack>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="my-chart-title">
        <Title order={2} size="h4" id="my-chart-title" mb="xs">
          {t('learn.chartTitle')}
        </Title>
        <Suspense fallback={<LoadingState />}>
          <CompletionChart points={points} total={total} />
        </Suspense>
      </Paper>
    </SimpleGrid>
  );
}

/** /cohorts/:cohortId/course: a learner's outline with release and due dates in the cohort's zone, the reader, progress. */
export function CohortCoursePage() {
  const { t } = useTranslation(['courses', 'common', 'homes']);
  const format = useFormatters();
  const { cohortId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const cohort = useCohortSummary(cohortId);
  const schedule = useSchedule(cohortId);

  if (cohort.isPending || schedule.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  if (schedule.isError) return <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />;

  const { timeZone } = schedule.data;
  const activities = schedule.data.activities;
  const selected = activities.find((a) => a.activityId === params.get('activity') && a.released);
  const sections = sectionProgress(activities);
  const next = nextActivity(activities, selected?.activityId);
  const open = (activityId: string) => {
    const next = new URLSearchParams(params);
    next.set('activity', activityId);
    setParams(next);
  };

  return (
    <Stack>
      <PageTitle>{t('learn.title', { title: cohort.data.title })}</PageTitle>
      <Text c="dimmed">{t('learn.timeZone', { zone: timeZone })}</Text>
      {schedule.data.course && <CourseAbout course={schedule.data.course} />}
      {activities.length === 0 ? (
        <EmptyState title={t('learn.emptyTitle')} message={t('learn.empty')} />
      ) : (
        <>
          <ProgressSummary schedule={schedule.data} />
          {!selected &&
            (next ? (
              <Button onClick={() => open(next.activityId)} style={{ alignSelf: 'flex-start' }}>
                {t('homes:course.startNext', { title: next.title })}
              </Button>
            ) : (
              <Text role="status">{t('homes:course.allDone')}</Text>
            ))}
          {selected && <ActivityReader cohortId={cohortId} activity={selected} timeZone={timeZone} next={next} onOpen={open} />}
          <Stack component="section" aria-labelledby="outline-heading">
            <Title order={2} size="h3" id="outline-heading">
              {t('learn.outlineTitle')}
            </Title>
            {sections.map((section) => (
              <Paper key={section.sectionId} withBorder p="md" component="section" aria-labelledby={`learn-section-${section.sectionId}`}>
                <Title order={3} size="h4" id={`learn-section-${section.sectionId}`} mb="xs">
                  {section.title}
                </Title>
                <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
                  {activities
                    .filter((a) => a.sectionId === section.sectionId)
                    .map((activity) => (
                      <li key={activity.activityId} aria-label={activity.title}>
                        <Group justify="space-between" wrap="wrap" gap="xs">
                          <Stack gap={2}>
                            <Group gap="xs">
                              <Badge variant="light" size="sm">
                                {t(`kind.${activity.kind}`)}
                              </Badge>
                              <Text fw={500}>{activity.title}</Text>
                              {activity.completedAt ? (
                                <Badge color="green" variant="light" size="sm">
                                  {t('learn.done')}
                                </Badge>
                              ) : !activity.released ? (
                                <Badge color="gray" variant="light" size="sm">
                                  {t('learn.upcoming')}
                                </Badge>
                              ) : null}
                            </Group>
                            <Text size="sm" c="dimmed">
                              {activity.released
                                ? t('learn.releasedAt', { date: format.dateTimeIn(activity.releaseAt, timeZone) })
                                : t('learn.releaseAt', { date: format.dateTimeIn(activity.releaseAt, timeZone) })}
                              {activity.dueAt ? ` · ${t('learn.dueAt', { date: format.dateTimeIn(activity.dueAt, timeZone) })}` : ''}
                              {activity.durationMinutes > 0 ? ` · ${t('learn.duration', { minutes: activity.durationMinutes })}` : ''}
                            </Text>
                          </Stack>
                          {activity.released && (
                            <Button size="xs" variant={selected?.activityId === activity.activityId ? 'filled' : 'default'} onClick={() => open(activity.activityId)} aria-label={t('learn.readNamed', { title: activity.title })}>
                              {t('learn.read')}
                            </Button>
                          )}
                        </Group>
                      </li>
                    ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
        </>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="extra-title">
        <Title order={2} size="h4" id="extra-title" mb="xs">
          {t('learn.extraTitle')}
        </Title>
        {schedule.data.extraResources.length === 0 ? (
          <Text c="dimmed">{t('learn.extraEmpty')}</Text>
        ) : (
          <List spacing="sm">
            {schedule.data.extraResources.map((extra) => (
              <List.Item key={extra.id}>
                <Stack gap={2}>
                  {extra.url ? (
                    <Anchor href={extra.url} target="_blank" rel="noopener noreferrer" fw={500}>
                      {extra.title}
                    </Anchor>
                  ) : (
                    <Text fw={500}>{extra.title}</Text>
                  )}
                  {extra.contentHtml && <ServerHtml html={extra.contentHtml} />}
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
      </Paper>
      <Button component={Link} to={`/cohorts/${cohortId}`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('learn.backToCohort')}
      </Button>
    </Stack>
  );
}
