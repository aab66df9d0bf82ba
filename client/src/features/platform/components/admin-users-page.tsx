import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { type UserAccount, useSearchUsers, useSendPasswordReset, useSetUserDisabled } from '@/features/platform/api/admin';

/** /admin/users: the platform admin finds an account, disables or enables it, or has a reset link mailed to its owner. */
export function AdminUsersPage() {
  const { t } = useTranslation(['platform', 'common']);
  const { user: me } = useSession();
  const format = useFormatters();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const users = useSearchUsers(q, page);
  const disable = useSetUserDisabled();
  const reset = useSendPasswordReset();
  const [done, setDone] = useState<string | null>(null);

  const search = (event: FormEvent) => {
    event.preventDefault();
    setQ(draft.trim().slice(0, 100));
    setPage(1);
  };
  const setDisabled = (user: UserAccount, value: boolean) => {
    setDone(null);
    disable.mutate(
      { user, disable: value },
      { onSuccess: () => setDone(t(value ? 'admin.users.disabled' : 'admin.users.enabled', { name: user.displayName })) },
    );
  };

  return (
    <Stack>
      <PageTitle>{t('admin.users.title')}</PageTitle>
      <Text>{t('admin.users.intro')}</Text>
      <form onSubmit={search} role="search">
        <Group align="flex-end">
          <TextInput
            label={t('admin.users.search')}
            type="search"
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            maxLength={100}
            style={{ flex: '1 1 18rem' }}
          />
          <Button type="submit">{t('admin.users.searchSubmit')}</Button>
        </Group>
      </form>
      {disable.isError && <ProblemAlert error={disable.error} />}
      {reset.isError && <ProblemAlert error={reset.error} />}
      {done && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      {users.isPending ? (
        <LoadingState />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Text c="dimmed">{t('admin.users.empty')}</Text>
      ) : (
        <Paper withBorder p="md">
          <Text c="dimmed" mb="xs" role="status">
            {t('admin.users.results', { count: users.data.totalCount })}
          </Text>
          <Table.ScrollContainer minWidth={860}>
            <Table striped aria-busy={users.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.email')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.users.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      {user.displayName}
                      {user.isPlatformAdmin && (
                        <Badge ml="xs" variant="light">
                          {t('admin.users.platformAdmin')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{user.email}</Table.Td>
                    <Table.Td>
                      {user.disabledAt ? (
                        <Badge color="red" variant="light">
                          {t('admin.users.disabledSince', { date: format.date(user.disabledAt) })}
                        </Badge>
                      ) : user.emailVerificationPending ? (
                        <Badge color="yellow" variant="light">
                          {t('admin.users.pending')}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light">
                          {t('admin.users.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {user.disabledAt ? (
                          <Button size="xs" variant="light" aria-label={t('admin.users.enableNamed', { name: user.displayName })} onClick={() => setDisabled(user, false)}>
                            {t('admin.users.enable')}
                          </Button>
                        ) : (
                          user.id !== me?.id && (
                            <ConfirmAction
                              label={t('admin.users.disable')}
                              ariaLabel={t('admin.users.disableNamed', { name: user.displayName })}
                              question={t('admin.users.confirmDisable', { name: user.displayName })}
                              loading={disable.isPending && disable.variables?.user.id === user.id}
                              onConfirm={() => setDisabled(user, true)}
                            />
                          )
                        )}
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('admin.users.resetNamed', { name: user.displayName })}
                          loading={reset.isPending && reset.variables?.id === user.id}
                          onClick={() => {
                            setDone(null);
                            reset.mutate(user, { onSuccess: () => setDone(t('admin.users.resetSent', { email: user.email })) });
                          }}
                        >
                          {t('admin.users.reset')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} pageSize={users.data.pageSize} totalCount={users.data.totalCount} onChange={setPage} />
        </Paper>
      )}
    </Stack>
  );
}
