import { Anchor, Badge, Card, Group, List, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { type MyCohortFollowUp, useMyFollowUp } from '@/features/follow-up/api/journal';

/** /me/follow-up, "Mon suivi": per cohort, my progress against my plan, my skills, my next steps and the actions planned for me. */
export function MyFollowUpPage() {
  const { t } = useTranslation('journal');
  const followUp = useMyFollowUp();
  return (
    <Stack>
      <PageTitle>{t('mine.title')}</PageTitle>
      <Text c="dimmed">{t('mine.intro')}</Text>
      {followUp.isPending ? (
        <LoadingState />
      ) : followUp.isError ? (
        <ErrorState error={followUp.error} onRetry={() => void followUp.refetch()} />
      ) : followUp.data.cohorts.length === 0 ? (
        <EmptyState title={t('mine.emptyTitle')} message={t('mine.empty')} />
      ) : (
        followUp.data.cohorts.map((cohort) => <CohortFollowUp key={cohort.cohortId} cohort={cohort} />)
      )}
    </Stack>
  );
}

function CohortFollowUp({ cohort }: { cohort: MyCohortFollowUp }) {
  const { t } = useTranslation('journal');
  const format = useFormatters();
  const { progress } = cohort;
  const gap = Math.abs(progress.gap ?? 0);
  const next = [
    ...cohort.nextActivities.map((a) => ({ id: a.activityId, kind: t('mine.activity'), title: a.title, dueAt: a.dueAt })),
    ...cohort.nextAssignments.map((a) => ({ id: a.assignmentId, kind: t('mine.assignment'), title: a.title, dueAt: a.dueAt })),
  ];
  const titleId = `follow-up-${cohort.cohortId}`;
  return (
    <Card component="section" withBorder radius="md" padding="lg" aria-labelledby={titleId}>
      <Stack>
        <Title order={2} size="h3" id={titleId}>
          {cohort.title}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap="xs">
            <Title order={3} size="h4">{t('mine.progress')}</Title>
            <Text fw={600} data-testid="plan-status">
              {t(`mine.status.${progress.status}`, { count: gap })}
            </Text>
            {progress.total != null && progress.total > 0 && (
              <>
                <Progress value={(100 * (progress.done ?? 0)) / progress.total} aria-hidden />
                <Text size="sm">{t('mine.figures', { done: progress.done, total: progress.total, expected: progress.expected })}</Text>
              </>
            )}
          </Stack>
          <Stack gap="xs">
            <Title order={3} size="h4">{t('mine.skills')}</Title>
            {cohort.skills.length === 0 ? (
              <Text size="sm" c="dimmed">{t('mine.noSkills')}</Text>
            ) : (
              <List spacing={4}>
                {cohort.skills.map((skill) => (
                  <List.Item key={skill.code}>
                    <Text span fw={600}>{skill.code}</Text> {skill.title}
                    {' · '}
                    {skill.mastery != null && `${t('mine.mastery', { value: format.number(skill.mastery) })} · `}
                    {skill.acquiredAt ? t('mine.acquiredOn', { date: format.date(skill.acquiredAt) }) : t('mine.notAcquired')}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </SimpleGrid>
        <Stack gap="xs">
          <Title order={3} size="h4">{t('mine.next')}</Title>
          {next.length === 0 ? (
            <Text size="sm" c="dimmed">{t('mine.noNext')}</Text>
          ) : (
            <List spacing={4}>
              {next.map((step) => (
                <List.Item key={step.id}>
                  <Badge variant="light" mr="xs">{step.kind}</Badge>
                  {step.title}
                  {step.dueAt && <Text span size="sm" c="dimmed"> — {t('mine.dueAt', { date: format.dateTime(step.dueAt) })}</Text>}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Stack gap="xs">
          <Title order={3} size="h4">{t('mine.actions')}</Title>
          {cohort.actions.length === 0 ? (
            <Text size="sm" c="dimmed">{t('mine.noActions')}</Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
              {cohort.actions.map((action) => (
                <Card component="li" key={action.id} withBorder padding="sm" data-testid="my-action">
                  <Group justify="space-between">
                    <Text fw={600}>{action.title}</Text>
                    <Badge color={action.status === 'Done' ? 'green' : 'blue'}>{t(`actions.status.${action.status}`)}</Badge>
                  </Group>
                  <Text size="sm">
                    {t(`actions.kinds.${action.kind}`)}
                    {action.extensionDays != null && ` — ${t('actions.extension', { count: action.extensionDays })}`}
                    {' · '}
                    {t('actions.due', { date: format.day(action.dueOn) })}
                    {' · '}
                    {t('actions.by', { name: action.authorName })}
                  </Text>
                  {action.details && <Text size="sm" style={{ whiteSpace: 'pre-line' }}>{action.details}</Text>}
                  {action.resourceUrl && (
                    <Anchor href={action.resourceUrl} target="_blank" rel="noopener noreferrer" size="sm">
                      {action.resourceUrl}
                    </Anchor>
                  )}
                </Card>
              ))}
            </Stack>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
