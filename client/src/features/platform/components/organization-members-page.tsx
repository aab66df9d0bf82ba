import { Alert, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import type { OrganizationRole } from '@/lib/auth/roles';
import { useFormatters } from '@/lib/i18n/format';
import { useOrganizationMembers } from '@/features/platform/api/organizations';
import { useAddMember, useChangeMemberRole, useMembersVersion, useOrganizationAdmins, useRemoveMember } from '@/features/platform/api/admin';
import { grantableRoles, isLastAdmin } from './admin-rules';
import { organizationRoleKey } from './role-labels';

/** /organization/members: the org admin adds people, changes their role and removes them. */
export function OrganizationMembersPage() {
  const { t } = useTranslation(['platform', 'common']);
  const { user } = useSession();
  const organization = user?.organizations.find((membership) => membership.role === 'OrgAdmin');

  if (!user || !organization) {
    return (
      <>
        <PageTitle>{t('common:nav.orgMembers')}</PageTitle>
        <EmptyState title={t('common:home.orgAdmin.membersTitle')} message={t('common:home.orgAdmin.noOrganization')} />
      </>
    );
  }
  return (
    <Stack>
      <PageTitle>{t('admin.members.title', { name: organization.name })}</PageTitle>
      <Text>{t('admin.members.intro')}</Text>
      <AddMemberForm organizationId={organization.organizationId} roles={grantableRoles(organization.role, user.isPlatformAdmin)} />
      <MemberTable organizationId={organization.organizationId} myId={user.id} roles={grantableRoles(organization.role, user.isPlatformAdmin)} />
    </Stack>
  );
}

function AddMemberForm({ organizationId, roles }: { organizationId: string; roles: OrganizationRole[] }) {
  const { t } = useTranslation(['platform', 'common']);
  const add = useAddMember(organizationId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrganizationRole>('Learner');
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(trimmed)) return setError(t('common:validation.email'));
    setError(null);
    add.mutate({ email: trimmed, role }, { onSuccess: () => setEmail('') });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-member-title">
      <Title order={2} size="h4" id="add-member-title" mb="xs">
        {t('admin.members.add')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.members.addIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('admin.members.email')}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={error}
            required
            style={{ flex: '1 1 16rem' }}
          />
          <NativeSelect
            label={t('admin.members.role')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as OrganizationRole)}
            data={roles.map((value) => ({ value, label: t(organizationRoleKey(value)) }))}
          />
          <Button type="submit" loading={add.isPending}>
            {t('admin.members.submit')}
          </Button>
        </Group>
      </form>
      {add.isError && <ProblemAlert error={add.error} />}
      {add.isSuccess && (
        <Alert color="green" variant="light" role="status" mt="sm">
          {t('admin.members.added', { email: add.data.email, role: t(organizationRoleKey(add.data.role)) })}
        </Alert>
      )}
    </Paper>
  );
}

function MemberTable({ organizationId, myId, roles }: { organizationId: string; myId: string; roles: OrganizationRole[] }) {
  const { t } = useTranslation(['platform', 'common']);
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const members = useOrganizationMembers(organizationId, page);
  const admins = useOrganizationAdmins(organizationId);
  const version = useMembersVersion(organizationId);
  const change = useChangeMemberRole(organizationId);
  const remove = useRemoveMember(organizationId);
  const [done, setDone] = useState<string | null>(null);

  if (members.isPending) return <LoadingState />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  if (members.data.items.length === 0) return <EmptyState title={t('common:home.orgAdmin.membersTitle')} message={t('admin.members.empty')} />;
  const adminCount = admins.data?.totalCount ?? 1; // until it is known, protect every admin

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="members-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="members-title">
            {t('common:home.orgAdmin.membersTitle')}
          </Title>
          <Text c="dimmed">{t('common:home.orgAdmin.membersCount', { count: members.data.totalCount })}</Text>
        </Group>
        {change.isError && <ProblemAlert error={change.error} />}
        {remove.isError && <ProblemAlert error={remove.error} />}
        {done && (
          <Alert color="green" variant="light" role="status">
            {done}
          </Alert>
        )}
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-busy={members.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.members.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.members.email')}</Table.Th>
                <Table.Th scope="col">{t('admin.members.role')}</Table.Th>
                <Table.Th scope="col">{t('admin.members.joinedAt')}</Table.Th>
                <Table.Th scope="col">{t('admin.members.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.items.map((member) => {
                const locked = isLastAdmin(member, adminCount);
                return (
                  <Table.Tr key={member.userId}>
                    <Table.Td>
                      {member.displayName} {member.userId === myId && <Text span c="dimmed">{t('admin.members.you')}</Text>}
                    </Table.Td>
                    <Table.Td>{member.email}</Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        aria-label={t('admin.members.roleOf', { name: member.displayName })}
                        value={member.role}
                        // Until the version is (re)read, a change could not be conditional on the list shown.
                        disabled={locked || change.isPending || version.isFetching}
                        description={locked ? t('admin.members.lastAdmin') : undefined}
                        data={roles.map((value) => ({ value, label: t(organizationRoleKey(value)) }))}
                        onChange={(event) => {
                          const role = event.currentTarget.value as OrganizationRole;
                          setDone(null);
                          change.mutate(
                            { member, role, etag: version.data },
                            { onSuccess: () => setDone(t('admin.members.roleChanged', { name: member.displayName, role: t(organizationRoleKey(role)) })) },
                          );
                        }}
                      />
                    </Table.Td>
                    <Table.Td>{format.date(member.joinedAt)}</Table.Td>
                    <Table.Td>
                      {!locked && (
                        <ConfirmAction
                          label={t('admin.members.remove')}
                          ariaLabel={t('admin.members.removeNamed', { name: member.displayName })}
                          question={t('admin.members.confirmRemove', { name: member.displayName })}
                          loading={remove.isPending && remove.variables?.member.userId === member.userId}
                          onConfirm={() => {
                            setDone(null);
                            remove.mutate({ member, etag: version.data }, { onSuccess: () => setDone(t('admin.members.removed', { name: member.displayName })) });
                          }}
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager page={page} pageSize={members.data.pageSize} totalCount={members.data.totalCount} onChange={setPage} />
      </Stack>
    </Paper>
  );
}
