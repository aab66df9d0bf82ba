import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { onePerHandIn, useAssignment, useLatestSubmissions, useLearnerNames } from '@/features/assessment/api/assessment';
import { useCohortGroups } from '@/features/assessment/api/rubrics';

/**
 * Every learner's latest attempt at an assignment (every page of it), with its grading state; a group's hand-in is one row, with
 * its members, as it is graded once. Each opens the grading screen on it.
 */
export function SubmissionsPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const assignment = useAssignment(assignmentId);
  const submissions = useLatestSubmissions(assignmentId);
  const names = useLearnerNames(assignment.data?.assignment.cohortId);
  const groups = useCohortGroups(assignment.data?.assignment.cohortId, assignment.data?.assignment.kind === 'GroupProject');
  if (assignment.isPending || submissions.isPending) return <LoadingState />;
  if (assignment.isError) return <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />;
  if (submissions.isError) return <ErrorState error={submissions.error} onRetry={() => void submissions.refetch()} />;
  const { title } = assignment.data.assignment;
  const rows = onePerHandIn(submissions.data);
  const nameOf = (userId: string) => names.data?.get(userId) ?? t('submissions.unknownLearner');

  return (
    <Stack>
      <PageTitle>{t('submissions.title', { title })}</PageTitle>
      {rows.length === 0 ? (
        <EmptyState title={t('submissions.emptyTitle')} message={t('submissions.empty')} />
      ) : (
        <>
          <Button component={Link} to={`/assignments/${assignmentId}/grading`} style={{ alignSelf: 'flex-start' }}>
            {t('submissions.openGrading')}
          </Button>
          <Table.ScrollContainer minWidth={560}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('submissions.learner')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.attempt')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.submittedAt')}</Table.Th>
                  <Table.Th scope="col">{t('submissions.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((submission) => {
                  const group = submission.groupId ? (groups.data?.find((g) => g.id === submission.groupId)?.name ?? '?') : undefined;
                  const name = group === undefined ? nameOf(submission.authorId) : t('groupProject.group', { name: group });
                  // The members as handed in: the copies of this attempt.
                  const members = submission.groupId
                    ? submissions.data.filter((s) => s.groupId === submission.groupId && s.attempt === submission.attempt).map((s) => nameOf(s.authorId))
                    : [];
                  return (
                    <Table.Tr key={submission.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/assignments/${assignmentId}/grading?submission=${submission.id}`} aria-label={t('submissions.gradeNamed', { name })}>
                          {name}
                        </Anchor>
                        {group !== undefined && (
                          <Text size="sm" c="dimmed" aria-label={t('groupProject.membersLabel', { name: group })}>
                            {members.join(', ')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{submission.attempt}</Table.Td>
                      <Table.Td>
                        {format.dateTime(submission.submittedAt)}
                        {submission.isLate && (
                          <Badge ml="xs" color="yellow">
                            {t('state.late')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>{submission.grade ? t(`gradeStatus.${submission.grade.status}`) : t('submissions.notGraded')}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
