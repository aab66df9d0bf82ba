import { Anchor, Badge, Button, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useFollowUpDashboard } from '@/features/follow-up/api/follow-up';
import { planStanding } from './attention';
import { levelColors } from './reason-text';

/** The mentor's home: in each cohort they mentor, their own learners with their completion against their plan, last activity and risk level (FollowUp's signals). */
export function MentoredLearnersPanel() {
  const { t } = useTranslation(['homes', 'common']);
  const { user } = useSession();
  const cohorts = (user?.cohorts ?? []).filter((cohort) => cohort.role === 'Mentor');
  if (cohorts.length === 0) return <EmptyState title={t('common:home.mentor.learnersTitle')} message={t('common:home.mentor.learnersEmpty')} />;
  return cohorts.map((cohort) => <MentoredCohort key={cohort.cohortId} cohortId={cohort.cohortId} title={cohort.title} />);
}

function MentoredCohort({ cohortId, title }: { cohortId: string; title: string }) {
  const { t } = useTranslation(['homes', 'common']);
  const { t: tf } = useTranslation('followUp');
  const format = useFormatters();
  const learners = useFollowUpDashboard(cohortId, { page: 1 });
  const titleId = `mentored-${cohortId}`;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        <Anchor component={Link} to={`/cohorts/${cohortId}`} inherit>
          {title}
        </Anchor>
      </Title>
      {learners.isPending ? (
        <LoadingState />
      ) : learners.isError ? (
        <ErrorState error={learners.error} onRetry={() => void learners.refetch()} />
      ) : learners.data.items.length === 0 ? (
        <Text c="dimmed">{t('common:home.mentor.noLearnersInCohort')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Caption>
              <VisuallyHidden>{t('mentored.caption', { cohort: title })}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mentored.learner')}</Table.Th>
                <Table.Th scope="col">{t('mentored.progress')}</Table.Th>
                <Table.Th scope="col">{t('mentored.plan')}</Table.Th>
                <Table.Th scope="col">{t('mentored.lastActivity')}</Table.Th>
                <Table.Th scope="col">{t('mentored.level')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {learners.data.items.map((learner) => {
                const standing = planStanding(learner.signals.behindBy);
                return (
                  <Table.Tr key={learner.learnerId}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/cohorts/${cohortId}/follow-up/learners/${learner.learnerId}`}>
                        {learner.displayName}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t('mentored.doneOf', { done: learner.signals.activitiesDone, total: learner.signals.activitiesTotal })}</Table.Td>
                    <Table.Td>{standing.key === 'onPlan' ? t('mentored.onPlan') : t(`mentored.${standing.key}`, { count: standing.count })}</Table.Td>
                    <Table.Td>{learner.signals.lastActivityAt ? format.day(learner.signals.lastActivityAt) : t('mentored.never')}</Table.Td>
                    <Table.Td>
                      <Badge color={levelColors[learner.level]} variant="dot">
                        {tf(`level.${learner.level}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Button component={Link} to={`/cohorts/${cohortId}/follow-up`} variant="subtle" mt="sm" px={0}>
        {t('mentored.openDashboard')}
      </Button>
    </Paper>
  );
}
