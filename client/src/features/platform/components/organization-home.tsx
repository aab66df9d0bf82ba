import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useOrganizationMembers } from '@/features/platform/api/organizations';
import { HomeHeader } from '@/components/home-header';
import { organizationRoleKey } from './role-labels';

/** The org admin's home: their organisation's members, from GET /organizations/{orgId}/members. */
export function OrganizationHome() {
  const { t } = useTranslation(['platform', 'common', 'skills']);
  const { user } = useSession();
  const format = useFormatters();
  const organization = user?.organizations.find((membership) => membership.role === 'OrgAdmin');
  const [page, setPage] = useState(1);
  const members = useOrganizationMembers(organization?.organizationId, page);

  if (!organization) {
    return (
      <>
        <HomeHeader title={t('common:home.orgAdmin.title')} />
        <EmptyState title={t('common:home.orgAdmin.membersTitle')} message={t('common:home.orgAdmin.noOrganization')} />
      </>
    );
  }

  return (
    <>
      <HomeHeader title={`${t('common:home.orgAdmin.title')} · ${organization.name}`} />
      <Button component={Link} to={`/organizations/${organization.organizationId}/skills`} variant="light" mb="md" style={{ alignSelf: 'flex-start' }}>
        {t('skills:orgLink')}
      </Button>
      {members.isPending ? (
        <LoadingState />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => void members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyState title={t('common:home.orgAdmin.membersTitle')} message={t('common:home.orgAdmin.membersEmpty')} />
      ) : (
        <Paper withBorder p="lg" component="section" aria-labelledby="members-title">
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h3" id="members-title">
                {t('common:home.orgAdmin.membersTitle')}
              </Title>
              <Text c="dimmed">
                {t('common:home.orgAdmin.membersCount', { count: members.data.totalCount })}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={480}>
              <Table striped aria-busy={members.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('common:home.orgAdmin.name')}</Table.Th>
                    <Table.Th scope="col">{t('common:home.orgAdmin.email')}</Table.Th>
                    <Table.Th scope="col">{t('common:home.orgAdmin.role')}</Table.Th>
                    <Table.Th scope="col">{t('common:home.orgAdmin.joinedAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.items.map((member) => (
                    <Table.Tr key={`${member.userId}-${member.role}`}>
                      <Table.Td>{member.displayName}</Table.Td>
                      <Table.Td>{member.email}</Table.Td>
                      <Table.Td>{t(organizationRoleKey(member.role))}</Table.Td>
                      <Table.Td>{format.date(member.joinedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager page={page} pageSize={members.data.pageSize} totalCount={members.data.totalCount} onChange={setPage} />
          </Stack>
        </Paper>
      )}
    </>
  );
}
