import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { useOrganizations } from '@/features/platform/api/organizations';
import { HomeHeader } from '@/components/home-header';

/** The platform admin's home: the three admin screens, then every organisation, from GET /organizations. */
export function PlatformAdminHome() {
  const { t } = useTranslation(['platform', 'common']);
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const organizations = useOrganizations(page);

  return (
    <>
      <HomeHeader title={t('common:home.platformAdmin.title')} />
      <SimpleGrid cols={{ base: 1, md: 3 }} mb="md">
        {(['organizations', 'users', 'system'] as const).map((screen) => (
          <Paper key={screen} withBorder p="md" component="section" aria-labelledby={`admin-${screen}-title`}>
            <Title order={2} size="h4" id={`admin-${screen}-title`}>
              {t(`admin.home.${screen}`)}
            </Title>
            <Text size="sm" c="dimmed" my="xs">
              {t(`admin.home.${screen}Text`)}
            </Text>
            <Button component={Link} to={`/admin/${screen}`} variant="light" size="xs" aria-label={`${t('admin.home.open')} : ${t(`admin.home.${screen}`)}`}>
              {t('admin.home.open')}
            </Button>
          </Paper>
        ))}
      </SimpleGrid>
      {organizations.isPending ? (
        <LoadingState />
      ) : organizations.isError ? (
        <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : organizations.data.items.length === 0 ? (
        <EmptyState
          title={t('common:home.platformAdmin.organizationsTitle')}
          message={t('common:home.platformAdmin.organizationsEmpty')}
        />
      ) : (
        <Paper withBorder p="lg" component="section" aria-labelledby="organizations-title">
          <Stack>
            <Group justify="space-between">
              <Title order={2} size="h3" id="organizations-title">
                {t('common:home.platformAdmin.organizationsTitle')}
              </Title>
              <Text c="dimmed">
                {t('common:home.platformAdmin.organizationsCount', { count: organizations.data.totalCount })}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={560}>
              <Table striped aria-busy={organizations.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('common:home.platformAdmin.name')}</Table.Th>
                    <Table.Th scope="col">{t('common:home.platformAdmin.slug')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('common:home.platformAdmin.members')}
                    </Table.Th>
                    <Table.Th scope="col">{t('common:home.platformAdmin.createdAt')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {organizations.data.items.map((organization) => (
                    <Table.Tr key={organization.id}>
                      <Table.Td>{organization.name}</Table.Td>
                      <Table.Td>
                        <code>{organization.slug}</code>
                      </Table.Td>
                      <Table.Td ta="right">{format.number(organization.memberCount)}</Table.Td>
                      <Table.Td>{format.date(organization.createdAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              page={page}
              pageSize={organizations.data.pageSize}
              totalCount={organizations.data.totalCount}
              onChange={setPage}
            />
          </Stack>
        </Paper>
      )}
    </>
  );
}
