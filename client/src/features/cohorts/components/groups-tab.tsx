import { Alert, Button, Card, Checkbox, Group, List, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import { can, type Cohort } from '@/features/cohorts/api/cohorts';
import { useAutoGroups, useCreateGroup, useDeleteGroup, useGroups, useUpdateGroup, type Group as ProjectGroup } from '@/features/cohorts/api/groups';
import { useMembers, type Member } from '@/features/cohorts/api/members';

/**
 * The board of project groups; for trainers and org admins, a group from chosen unassigned learners, an automatic split
 * by size, and on each group: rename, set its members, dissolve.
 */
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
            <GroupCard key={group.id} cohort={cohort} group={group} learners={learners.data.items} />
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

/** One group of the board; those who manage groups edit it in place (name and members) or dissolve it after a confirmation. */
function GroupCard({ cohort, group, learners }: { cohort: Cohort; group: ProjectGroup; learners: Member[] }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const update = useUpdateGroup(cohort.id);
  const remove = useDeleteGroup(cohort.id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(group.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  // A learner is in one group at most: this group's members and the learners without a group are the choice.
  const candidates = learners.filter((learner) => !learner.groupId || learner.groupId === group.id);

  const startEditing = () => {
    setName(group.name);
    setChosen(group.members.map((member) => member.userId));
    setNameError(null);
    update.reset();
    setEditing(true);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t('common:validation.required'));
    if (trimmed.length > 100) return setNameError(t('common:validation.maxLength', { max: 100 }));
    setNameError(null);
    update.mutate({ group, name: trimmed, memberIds: chosen }, { onSuccess: () => setEditing(false) });
  };

  return (
    <Card withBorder component="li" aria-labelledby={`group-${group.id}`}>
      <Title order={3} size="h5" id={`group-${group.id}`}>
        {group.name}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('groups.size', { count: group.members.length })}
      </Text>
      {editing ? (
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            {update.isError && <ProblemAlert error={update.error} />}
            <TextInput
              label={t('groups.name')}
              required
              value={name}
              error={nameError}
              onChange={(event) => setName(event.currentTarget.value)}
            />
            <Checkbox.Group label={t('groups.members')} value={chosen} onChange={setChosen}>
              <Stack gap={6} mt="xs">
                {candidates.map((learner) => (
                  <Checkbox key={learner.userId} value={learner.userId} label={learner.displayName} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group gap="xs">
              <Button type="submit" size="xs" loading={update.isPending}>
                {t('groups.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <>
          {group.members.length > 0 && (
            <List size="sm">
              {group.members.map((member) => (
                <List.Item key={member.userId}>{member.displayName}</List.Item>
              ))}
            </List>
          )}
          {can(cohort, 'ManageGroups') && (
            <Stack gap="xs" mt="sm">
              {remove.isError && <ProblemAlert error={remove.error} />}
              {confirming ? (
                <Group gap="xs">
                  <Button size="xs" color="red" loading={remove.isPending} onClick={() => remove.mutate(group)}>
                    {t('groups.confirmDelete')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </Button>
                </Group>
              ) : (
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={startEditing} aria-label={t('groups.editNamed', { name: group.name })}>
                    {t('groups.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      remove.reset();
                      setConfirming(true);
                    }}
                    aria-label={t('groups.deleteNamed', { name: group.name })}
                  >
                    {t('groups.delete')}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </>
      )}
    </Card>
  );
}
