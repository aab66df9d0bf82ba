import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { HomeHeader } from '@/components/home-header';
import { LoadingState } from '@/components/loading-state';
import type { CohortRole } from '@/lib/auth/roles';
import { useSession } from '@/lib/auth/session-context';
import { useMembers } from '@/features/cohorts/api/members';

interface MentoredCohort {
  cohortId: string;
  title: string;
  role: CohortRole;
}

/** The mentor's home: in each cohort they mentor, the learners assigned to them, and `toGrade` ("à corriger", from Assessment). */
export function MentorHome({ toGrade }: { toGrade: ReactNode }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const { user } = useSession();
  const cohorts = (user?.cohorts ?? []).filter((cohort) => cohort.role === 'Mentor');

  return (
    <>
      <HomeHeader title={t('common:home.mentor.title')} />
      <Stack>
        {cohorts.length === 0 ? (
          <EmptyState title={t('common:home.mentor.learnersTitle')} message={t('common:home.mentor.learnersEmpty')} />
        ) : (
          cohorts.map((cohort) => <MentoredLearners key={cohort.cohortId} cohort={cohort} />)
        )}
        {toGrade}
      </Stack>
    </>
  );
}

function MentoredLearners({ cohort }: { cohort: MentoredCohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const { user } = useSession();
  const learners = useMembers(cohort.cohortId, { role: 'Learner', mentorId: user?.id }, Boolean(user));
  const titleId = `mentored-${cohort.cohortId}`;

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h3" id={titleId} mb="sm">
        <Anchor component={Link} to={`/cohorts/${cohort.cohortId}`} inherit>
          {cohort.title}
        </Anchor>
      </Title>
      {learners.isPending ? (
        <LoadingState />
      ) : learners.isError ? (
        <ErrorState error={learners.error} onRetry={() => void learners.refetch()} />
      ) : learners.data.items.length === 0 ? (
        <Text c="dimmed">{t('common:home.mentor.noLearnersInCohort')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('staff.name')}</Table.Th>
                <Table.Th scope="col">{t('staff.email')}</Table.Th>
                <Table.Th scope="col">{t('staff.group')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {learners.data.items.map((learner) => (
                <Table.Tr key={learner.userId}>
                  <Table.Td>{learner.displayName}</Table.Td>
                  <Table.Td>{learner.email ?? '—'}</Table.Td>
                  <Table.Td>{learner.groupName ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
