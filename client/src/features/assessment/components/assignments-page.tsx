import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { useAssignments, useMyAssignments } from '@/features/assessment/api/assessment';
import { can, useCohortAccess } from '@/lib/api/cohort-access';
import { AssignmentStateBadge } from './assignment-state';

/**
 * A cohort's assignments by due date. Learners see their own due date and where they stand on each; those who manage
 * assignments get "new" and "edit"; those who grade (trainers, a mentor for their learners) get each one's submissions.
 */
export function AssignmentsPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const cohort = useCohortAccess(cohortId);
  const assignments = useAssignments(cohortId);
  const learner = can(cohort.data, 'Learn');
  const mine = useMyAssignments({ cohortId }, learner);
  const manages = can(cohort.data, 'ManageAssignments');
  const grades = can(cohort.data, 'ActOnAllLearners') || can(cohort.data, 'ActOnOwnMentees');

  if (cohort.isPending || assignments.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  if (assignments.isError) return <ErrorState error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const stateOf = new Map((mine.data?.items ?? []).map((item) => [item.assignmentId, item]));

  return (
    <Stack>
      <PageTitle>{t('list.title')}</PageTitle>
      <Text c="dimmed">{cohort.data.title}</Text>
      <Group gap="xs">
        {manages && (
          <Button component={Link} to={`/cohorts/${cohortId}/assignments/new`}>
            {t('list.new')}
          </Button>
        )}
        {grades && (
          <Button component={Link} to={`/cohorts/${cohortId}/gradebook`} variant="light">
            {t('gradebook.link')}
          </Button>
        )}
        {grades && (
          <Button component={Link} to={`/cohorts/${cohortId}/competencies`} variant="light">
            {t('gradebook.heatmap.link')}
          </Button>
        )}
        {learner && (
          <Button component={Link} to={`/cohorts/${cohortId}/grades`} variant="light">
            {t('gradebook.mine.link')}
          </Button>
        )}
      </Group>
      {assignments.data.items.length === 0 ? (
        <EmptyState title={t('list.emptyTitle')} message={t('list.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.assignment')}</Table.Th>
                <Table.Th scope="col">{t('list.kind')}</Table.Th>
                <Table.Th scope="col">{t('list.due')}</Table.Th>
                <Table.Th scope="col">{t('list.points')}</Table.Th>
                <Table.Th scope="col">{learner ? t('list.state') : t('list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {assignments.data.items.map((assignment) => {
                const state = stateOf.get(assignment.id);
                return (
                  <Table.Tr key={assignment.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/assignments/${assignment.id}`}>
                        {assignment.title}
                      </Anchor>
                      {!assignment.isPublished && (
                        <Badge ml="xs" variant="outline" color="gray">
                          {t('state.draft')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`kind.${assignment.kind}`)}</Table.Td>
                    <Table.Td>{format.dateTime(assignment.yourDueAt ?? assignment.dueAt)}</Table.Td>
                    <Table.Td>{format.number(assignment.maxPoints)}</Table.Td>
                    <Table.Td>
                      {learner ? (
                        state && (
                          <Group gap="xs">
                            <AssignmentStateBadge state={state} />
                            {state.attempts > 0 && (
                              <Text size="sm" c="dimmed">
                                {t('list.attempts', { count: state.attempts })}
                              </Text>
                            )}
                          </Group>
                        )
                      ) : (
                        <Group gap="xs">
                          {manages && (
                            <Button component={Link} to={`/assignments/${assignment.id}/edit`} size="xs" variant="default" aria-label={t('list.editNamed', { title: assignment.title })}>
                              {t('list.edit')}
                            </Button>
                          )}
                          {grades && (
                            <Button component={Link} to={`/assignments/${assignment.id}/submissions`} size="xs" variant="light" aria-label={t('list.submissionsNamed', { title: assignment.title })}>
                              {t('list.submissions')}
                            </Button>
                          )}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Button component={Link} to={`/cohorts/${cohortId}`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('list.backToCohort')}
      </Button>
    </Stack>
  );
}
