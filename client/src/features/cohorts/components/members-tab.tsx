import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { z } from 'zod';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';
import { useSession } from '@/lib/auth/session-context';
import { can, type Cohort } from '@/features/cohorts/api/cohorts';
import { useAddMember, useAssignMentor, useMembers, useRemoveMember, type Member } from '@/features/cohorts/api/members';
import { canActOn } from './use-cohort-staff';

/**
 * The roster: roles, mentors, groups. Trainers and org admins assign mentors, remove people and add a trainer or mentor
 * by email; a mentor sees everyone's name and acts on their own learners only.
 */
export function MembersTab({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const { user } = useSession();
  const manageStaff = can(cohort, 'ManageStaff');
  const [page, setPage] = useState(1);
  const members = useMembers(cohort.id, { page });
  const assign = useAssignMentor(cohort.id);
  const remove = useRemoveMember(cohort.id);
  const [removing, setRemoving] = useState<string | null>(null);

  // Mentors a learner may get: the cohort's mentors and trainers (server rule "not-a-mentor").
  const mentors = members.data?.items.filter((m) => m.role === 'Mentor' || m.role === 'Trainer') ?? [];

  return (
    <Stack>
      {manageStaff && <AddStaffForm cohort={cohort} />}
      {assign.isError && <ProblemAlert error={assign.error} />}
      {remove.isError && <ProblemAlert error={remove.error} />}
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyState title={t('staff.membersEmptyTitle')} message={t('staff.membersEmpty')} headingLevel={3} />
      ) : (
        <Paper withBorder p="md" component="section" aria-labelledby="roster-title">
          <Title order={3} size="h4" id="roster-title" mb="sm">
            {t('staff.rosterTitle', { count: members.data.totalCount })}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-busy={members.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('staff.name')}</Table.Th>
                  <Table.Th scope="col">{t('staff.email')}</Table.Th>
                  <Table.Th scope="col">{t('staff.role')}</Table.Th>
                  <Table.Th scope="col">{t('staff.mentor')}</Table.Th>
                  <Table.Th scope="col">{t('staff.group')}</Table.Th>
                  <Table.Th scope="col">{t('staff.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => (
                  <MemberRow
                    key={member.userId}
                    member={member}
                    mentors={mentors}
                    canAct={member.role === 'Learner' && canActOn(cohort, member, user?.id)}
                    canRemove={manageStaff}
                    onAssign={(mentorId) => assign.mutate({ userId: member.userId, etag: member.etag, mentorId })}
                    assigning={assign.isPending && assign.variables?.userId === member.userId}
                    confirming={removing === member.userId}
                    onAskRemove={() => setRemoving(member.userId)}
                    onCancelRemove={() => setRemoving(null)}
                    onRemove={() => remove.mutate(member.userId, { onSettled: () => setRemoving(null) })}
                    removingNow={remove.isPending && remove.variables === member.userId}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} pageSize={members.data.pageSize} totalCount={members.data.totalCount} onChange={setPage} />
        </Paper>
      )}
    </Stack>
  );
}

function MemberRow({
  member,
  mentors,
  canAct,
  canRemove,
  onAssign,
  assigning,
  confirming,
  onAskRemove,
  onCancelRemove,
  onRemove,
  removingNow,
}: {
  member: Member;
  mentors: Member[];
  canAct: boolean;
  canRemove: boolean;
  onAssign: (mentorId: string | null) => void;
  assigning: boolean;
  confirming: boolean;
  onAskRemove: () => void;
  onCancelRemove: () => void;
  onRemove: () => void;
  removingNow: boolean;
}) {
  const { t } = useTranslation(['cohorts', 'common']);
  const { cohortId } = useParams();
  return (
    <Table.Tr>
      <Table.Td>{member.displayName}</Table.Td>
      <Table.Td>{member.email ?? '—'}</Table.Td>
      <Table.Td>{t(`role.${member.role}`)}</Table.Td>
      <Table.Td>
        {canAct ? (
          <NativeSelect
            size="xs"
            aria-label={t('staff.mentorOf', { name: member.displayName })}
            value={member.mentorId ?? ''}
            disabled={assigning}
            onChange={(event) => onAssign(event.currentTarget.value || null)}
            data={[
              { value: '', label: t('staff.noMentor') },
              ...mentors.map((mentor) => ({ value: mentor.userId, label: mentor.displayName })),
            ]}
          />
        ) : (
          (member.mentorName ?? '—')
        )}
      </Table.Td>
      <Table.Td>{member.groupName ?? '—'}</Table.Td>
      <Table.Td>
        {confirming ? (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" onClick={onRemove} loading={removingNow}>
              {t('staff.confirmRemove')}
            </Button>
            <Button size="xs" variant="default" onClick={onCancelRemove}>
              {t('common.cancel')}
            </Button>
          </Group>
        ) : (
          <Group gap="xs" wrap="nowrap">
            {canAct && cohortId && (
              <Button
                component={Link}
                to={`/cohorts/${cohortId}/progress?learner=${member.userId}`}
                size="xs"
                variant="subtle"
                aria-label={t('staff.pacingNamed', { name: member.displayName })}
              >
                {t('staff.pacing')}
              </Button>
            )}
            {canRemove && (
              <Button size="xs" variant="default" onClick={onAskRemove} aria-label={t('staff.removeNamed', { name: member.displayName })}>
                {t('staff.remove')}
              </Button>
            )}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AddStaffForm({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const add = useAddMember(cohort.id);
  const schema = useMemo(
    () =>
      z.object({
        email: z
          .string()
          .trim()
          .min(1, { error: t('common:validation.required') })
          .pipe(z.email({ error: t('common:validation.email') })),
        role: z.enum(['Trainer', 'Mentor', 'Learner']),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '', role: 'Mentor' } });
  const { errors } = form.formState;
  const roles = cohort.admissionMode === 'OrganizationEnrollment' ? (['Mentor', 'Trainer', 'Learner'] as const) : (['Mentor', 'Trainer'] as const);

  const onSubmit = form.handleSubmit((values) =>
    add.mutate(values, {
      onSuccess: () => form.reset({ email: '', role: values.role }),
      onError: (error) => {
        if (isApiError(error)) applyApiFieldErrors(error, ['email'], form.setError);
      },
    }),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-staff-title">
      <Title order={3} size="h4" id="add-staff-title" mb="xs">
        {t('staff.addTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {cohort.admissionMode === 'OrganizationEnrollment' ? t('staff.addHintEnrolment') : t('staff.addHint')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {add.isError && !(isApiError(add.error) && add.error.fieldErrors('email').length > 0) && (
            <ProblemAlert error={add.error} />
          )}
          {add.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('staff.added', { name: add.data.displayName, role: t(`role.${add.data.role}`) })}
            </Alert>
          )}
          <Group align="flex-start" wrap="wrap">
            <TextInput
              label={t('staff.email')}
              type="email"
              required
              autoComplete="off"
              error={errors.email?.message}
              style={{ flex: '1 1 240px' }}
              {...form.register('email')}
            />
            <NativeSelect
              label={t('staff.role')}
              data={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
              {...form.register('role')}
            />
            <Button type="submit" mt={25} loading={add.isPending}>
              {t('staff.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
