import { Alert, Button, Card, Checkbox, Group, List, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import { can, type Cohort } from '@/features/cohorts/api/cohorts';
import { useAutoGroups, useCreateGroup, useGroups } from '@/features/cohorts/api/groups';
import { useMembers } from '@/features/cohorts/api/members';

/** The board of project groups; for trainers and org admins, a group from chosen unassigned learners, or an automatic split by size. */
export function GroupsTab({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const groups = useGroups(cohort.id);
  const learners = useMembers(cohort.id, { role: 'Learner' });
  const create = useCreateGroup(cohort.id);
  const auto = useAutoGroups(cohort.id);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [groupSize, setGroupSize] = useState<number | string>(4);
  const [sizeError, setSizeError] = useState<string | null>(null);

  if (groups.isPending || learners.isPending) return <LoadingState />;
  if (groups.isError) return <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />;
  if (learners.isError) return <ErrorState error={learners.error} onRetry={() => void learners.refetch()} />;

  const unassigned = learners.data.items.filter((learner) => !learner.groupId);

  const submitGroup = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t('common:validation.required'));
    if (trimmed.length > 100) return setNameError(t('common:validation.maxLength', { max: 100 }));
    setNameError(null);
    create.mutate(
      { name: trimmed, memberIds: chosen },
      {
        onSuccess: () => {
          setName('');
          setChosen([]);
        },
      },
    );
  };

  const submitAuto = (event: FormEvent) => {
    event.preventDefault();
    const size = Number(groupSize);
    if (!Number.isInteger(size) || size < 2 || size > 50) return setSizeError(t('common:validation.groupSize'));
    setSizeError(null);
    auto.mutate(size);
  };

  return (
    <Stack>
      {groups.data.length === 0 ? (
        <EmptyState title={t('groups.emptyTitle')} message={t('groups.empty')} headingLevel={3} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('groups.boardLabel')}>
          {groups.data.map((group) => (
            <Card key={group.id} withBorder component="li" aria-labelledby={`group-${group.id}`}>
              <Title order={3} size="h5" id={`group-${group.id}`}>
                {group.name}
              </Title>
              <Text size="sm" c="dimmed" mb="xs">
                {t('groups.size', { count: group.members.length })}
              </Text>
              {group.members.length > 0 && (
                <List size="sm">
                  {group.members.map((member) => (
                    <List.Item key={member.userId}>{member.displayName}</List.Item>
                  ))}
                </List>
              )}
            </Card>
          ))}
        </SimpleGrid>
      )}

      {can(cohort, 'ManageGroups') && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="new-group-title">
            <Title order={3} size="h4" id="new-group-title" mb="xs">
              {t('groups.createTitle')}
            </Title>
            <form onSubmit={submitGroup} noValidate>
              <Stack gap="sm">
                {create.isError && <ProblemAlert error={create.error} />}
                {create.isSuccess && (
                  <Alert color="green" variant="light" role="status">
                    {t('groups.created', { name: create.data.name })}
                  </Alert>
                )}
                <TextInput
                  label={t('groups.name')}
                  required
                  value={name}
                  error={nameError}
                  onChange={(event) => setName(event.currentTarget.value)}
                />
                {unassigned.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {learners.data.totalCount === 0 ? t('groups.noLearners') : t('groups.noUnassigned')}
                  </Text>
                ) : (
                  <Checkbox.Group label={t('groups.unassigned', { count: unassigned.length })} value={chosen} onChange={setChosen}>
                    <Stack gap={6} mt="xs">
                      {unassigned.map((learner) => (
                        <Checkbox key={learner.userId} value={learner.userId} label={learner.displayName} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                )}
                <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
                  {t('groups.create')}
                </Button>
              </Stack>
            </form>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="auto-groups-title">
            <Title order={3} size="h4" id="auto-groups-title" mb="xs">
              {t('groups.autoTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {unassigned.length === 0
                ? learners.data.totalCount === 0
                  ? t('groups.noLearners')
                  : t('groups.noUnassigned')
                : t('groups.autoHint', { count: unassigned.length })}
            </Text>
            <form onSubmit={submitAuto} noValidate>
              <Stack gap="sm">
                {auto.isError && <ProblemAlert error={auto.error} />}
                {auto.isSuccess && (
                  <Alert color="green" variant="light" role="status">
                    {t('groups.autoDone', { count: auto.data.length })}
                  </Alert>
                )}
                <NumberInput
                  label={t('groups.groupSize')}
                  min={2}
                  max={50}
                  required
                  value={groupSize}
                  onChange={setGroupSize}
                  error={sizeError}
                  maw={200}
                />
                <Group>
                  <Button type="submit" loading={auto.isPending} disabled={unassigned.length === 0}>
                    {t('groups.autoSubmit')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
