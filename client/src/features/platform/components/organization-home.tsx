import { Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useOrganizationMembers } from '@/features/platform/api/organizations';
import { type Cohort, useAcceptedPartnerships, useMyCohorts } from '@/features/platform/api/admin';
import { HomeHeader } from '@/components/home-header';
import { organizationRoleKey } from './role-labels';

/**
 * The org admin's home, a small dashboard: the partner requests waiting for an answer (Cohorts' panel, passed in by the
 * router), the cohorts where they can enrol employees, their organisation's cohorts, and its members with a link to manage them.
 */
export function OrganizationHome({ partnerRequests }: { partnerRequests?: (organizationId: string, name: string) => ReactNode }) {
  const { t } = useTranslation(['platform', 'common', 'skills', 'integrations']);
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
      <Group mb="md">
        <Button component={Link} to="/organization/members" variant="filled">
          {t('admin.dashboard.manageMembers')}
        </Button>
        <Button component={Link} to={`/organizations/${organization.organizationId}/skills`} variant="light">
          {t('skills:orgLink')}
        </Button>
        <Button component={Link} to="/organization/api-clients" variant="light">
          {t('integrations:homeLink')}
        </Button>
        <Button component={Link} to="/organization/webhooks" variant="light">
          {t('integrations:webhooks.homeLink')}
        </Button>
      </Group>
      <Stack mb="md">
        {partnerRequests?.(organization.organizationId, organization.name)}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <EnrolmentPanel organizationId={organization.organizationId} />
          <CohortsPanel organizationId={organization.organizationId} />
        </SimpleGrid>
      </Stack>
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

/** Organisation-enrolment cohorts it owns or joined as an accepted partner: where its admin enrols employees (on the cohort's page). */
function EnrolmentPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['platform', 'common']);
  const mine = useMyCohorts();
  const partnerships = useAcceptedPartnerships(organizationId);
  const owned = (mine.data?.items ?? [])
    .filter((cohort) => cohort.organizationId === organizationId && cohort.admissionMode === 'OrganizationEnrollment')
    .map((cohort) => ({ id: cohort.id, title: cohort.title }));
  const partnered = (partnerships.data?.items ?? [])
    .filter((item) => item.admissionMode === 'OrganizationEnrollment')
    .map((item) => ({ id: item.cohortId, title: item.cohortTitle }));
  const cohorts = [...owned, ...partnered.filter((p) => !owned.some((o) => o.id === p.id))];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="enrolment-title">
      <Title order={2} size="h4" id="enrolment-title" mb="xs">
        {t('admin.dashboard.enrolment')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('admin.dashboard.enrolmentIntro')}
      </Text>
      {mine.isPending || partnerships.isPending ? (
        <LoadingState />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : cohorts.length === 0 ? (
        <Text c="dimmed">{t('admin.dashboard.enrolmentEmpty')}</Text>
      ) : (
        <List spacing="xs">
          {cohorts.map((cohort) => (
            <List.Item key={cohort.id}>
              <Anchor component={Link} to={`/cohorts/${cohort.id}`} aria-label={t('admin.dashboard.enrol', { title: cohort.title })}>
                {cohort.title}
              </Anchor>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** The cohorts of the organisation (GET /cohorts?mine=true, its own ones), with their dates and seats. */
function CohortsPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['platform', 'common']);
  const format = useFormatters();
  const mine = useMyCohorts();
  const cohorts: Cohort[] = (mine.data?.items ?? []).filter((cohort) => cohort.organizationId === organizationId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="org-cohorts-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="org-cohorts-title">
          {t('admin.dashboard.cohorts')}
        </Title>
        <Anchor component={Link} to="/cohorts" size="sm">
          {t('admin.dashboard.allCohorts')}
        </Anchor>
      </Group>
      {mine.isPending ? (
        <LoadingState />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : cohorts.length === 0 ? (
        <Text c="dimmed">{t('admin.dashboard.cohortsEmpty')}</Text>
      ) : (
        <List spacing="xs">
          {cohorts.slice(0, 8).map((cohort) => (
            <List.Item key={cohort.id}>
              <Anchor component={Link} to={`/cohorts/${cohort.id}`}>
                {cohort.title}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                {t('admin.dashboard.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })} ·{' '}
                {t('admin.dashboard.seatsLeft', { count: cohort.seatsLeft })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
