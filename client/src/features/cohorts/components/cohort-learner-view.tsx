import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import { type Cohort } from '@/features/cohorts/api/cohorts';
import { useGroups } from '@/features/cohorts/api/groups';
import { useLeaveCohort, useMembers } from '@/features/cohorts/api/members';
import { CohortFacts } from './cohort-facts';

/** A learner's cohort: dates, their mentor (their own roster row) and their project group. */
export function CohortLearnerView({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common', 'assessment', 'forum', 'calendar', 'sessions', 'certification']);
  const { user } = useSession();
  const members = useMembers(cohort.id);
  const groups = useGroups(cohort.id);
  const me = members.data?.items.find((member) => member.userId === user?.id);
  const myGroup = groups.data?.find((group) => group.id === me?.groupId);
  const leave = useLeaveCohort(cohort.id);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  return (
    <Stack>
      <PageTitle>{cohort.title}</PageTitle>
      <Group gap="xs">
        {cohort.myRole && <Badge variant="light">{t(`role.${cohort.myRole}`)}</Badge>}
      </Group>
      <CohortFacts cohort={cohort} showSeats={false} />
      <Group>
        <Button component={Link} to={`/cohorts/${cohort.id}/course`}>
          {t('learner.openCourse')}
        </Button>
        <Button component={Link} to={`/cohorts/${cohort.id}/assignments`} variant="light">
          {t('assessment:list.cohortLink')}
        </Button>
        <Button component={Link} to={`/cohorts/${cohort.id}/grades`} variant="light">
          {t('assessment:gradebook.mine.link')}
        </Button>
        <Button component={Link} to={`/cohorts/${cohort.id}/forum`} variant="light">
          {t('forum:link')}
        </Button>
        <Button component={Link} to={`/cohorts/${cohort.id}/calendar`} variant="light">
          {t('calendar:link')}
        </Button>
        <Button component={Link} to={`/cohorts/${cohort.id}/sessions`} variant="light">
          {t('sessions:link')}
        </Button>
        <Button component={Link} to={`/cohorts/${cohort.id}/certification/me`} variant="light">
          {t('certification:myLink')}
        </Button>
      </Group>
      {members.isPending || groups.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : groups.isError ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="my-mentor-title">
            <Title order={2} size="h4" id="my-mentor-title" mb="xs">
              {t('learner.mentorTitle')}
            </Title>
            {me?.mentorName ? (
              <Text data-testid="my-mentor">{me.mentorName}</Text>
            ) : (
              <Text c="dimmed">{t('learner.noMentor')}</Text>
            )}
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="my-group-title">
            <Title order={2} size="h4" id="my-group-title" mb="xs">
              {t('learner.groupTitle')}
            </Title>
            {myGroup ? (
              <Stack gap="xs">
                <Text fw={500}>{myGroup.name}</Text>
                <List aria-label={t('learner.groupMembers', { name: myGroup.name })}>
                  {myGroup.members.map((member) => (
                    <List.Item key={member.userId}>{member.displayName}</List.Item>
                  ))}
                </List>
              </Stack>
            ) : me?.groupName ? (
              <Text fw={500}>{me.groupName}</Text>
            ) : (
              <Text c="dimmed">{t('learner.noGroup')}</Text>
            )}
          </Paper>
        </SimpleGrid>
      )}
      {cohort.myRole === 'Learner' && user && (
        <Paper withBorder p="md" component="section" aria-labelledby="leave-title">
          <Title order={2} size="h4" id="leave-title" mb="xs">
            {t('learner.leaveTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('learner.leaveHint')}
          </Text>
          {leave.isError && <ProblemAlert error={leave.error} />}
          {confirming ? (
            <Group gap="sm">
              <Button
                loading={leave.isPending}
                onClick={() => leave.mutate(user.id, { onSuccess: () => void navigate('/learner') })}
              >
                {t('learner.leaveConfirm')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          ) : (
            <Button variant="default" onClick={() => setConfirming(true)}>
              {t('learner.leave')}
            </Button>
          )}
        </Paper>
      )}
    </Stack>
  );
}
