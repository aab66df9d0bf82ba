import { Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/empty-state';
import { PageTitle } from '@/components/page-title';
import { useSession } from '@/lib/auth/session-context';
import { ChangePasswordForm } from './change-password-form';
import { ProfileDetailsForm } from './profile-details-form';
import { organizationRoleKey } from './role-labels';

/** Who am I: the /me document (loaded by the session), in the user's language; `extra`: other features' sections (notification preferences). */
export function ProfilePage({ extra }: { extra?: ReactNode }) {
  const { t } = useTranslation(['platform', 'common']);
  const { user, roles } = useSession();
  if (!user) return null;

  return (
    <Stack>
      <PageTitle>{t('profile.title')}</PageTitle>
      <Paper withBorder p="lg" component="section" aria-labelledby="profile-identity">
        <Title order={2} size="h3" id="profile-identity" mb="sm">
          {t('profile.identity')}
        </Title>
        <dl className="definition-list">
          <dt>{t('profile.displayName')}</dt>
          <dd>{user.displayName}</dd>
          <dt>{t('profile.email')}</dt>
          <dd>{user.email}</dd>
          <dt>{t('profile.platformRole')}</dt>
          <dd>
            <Group gap="xs">
              {roles.map((role) => (
                <Badge key={role} variant="light">
                  {t(`common:roles.${role}`)}
                </Badge>
              ))}
            </Group>
          </dd>
        </dl>
      </Paper>
      <ProfileDetailsForm key={`${user.displayName}-${user.language}`} displayName={user.displayName} language={user.language} />
      <ChangePasswordForm />
      {user.organizations.length === 0 ? (
        <EmptyState title={t('profile.organizations')} message={t('profile.noOrganizations')} />
      ) : (
        <Paper withBorder p="lg" component="section" aria-labelledby="profile-organizations">
          <Title order={2} size="h3" id="profile-organizations">
            {t('profile.organizations')}
          </Title>
          <Text c="dimmed" size="sm" mb="sm">
            {t('profile.organizationCount', { count: user.organizations.length })}
          </Text>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.organization')}</Table.Th>
                <Table.Th scope="col">{t('profile.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {user.organizations.map((membership) => (
                <Table.Tr key={`${membership.organizationId}-${membership.role}`}>
                  <Table.Td>{membership.name}</Table.Td>
                  <Table.Td>{t(organizationRoleKey(membership.role))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {extra}
    </Stack>
  );
}
