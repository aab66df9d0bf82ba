import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { type ApiClientCredentials, useApiClients, useRevokeApiClient, useRotateApiClientSecret } from '@/features/integrations/api/api-clients';
import { CreateApiClientForm } from './create-api-client-form';
import { EditApiClientForm } from './edit-api-client-form';
import { RotateSecretAction } from './rotate-secret-action';
import { scopeKey } from './scope-labels';
import { SecretOnceDialog } from './secret-once-dialog';

/** /organization/api-clients: the org admin registers other systems, hands each secret over once, rotates and revokes them. */
export function ApiClientsPage() {
  const { t } = useTranslation(['integrations', 'common']);
  const { user } = useSession();
  const organization = user?.organizations.find((membership) => membership.role === 'OrgAdmin');
  // The one copy of a secret the API just gave: in this state only (never the query cache, never the address), until
  // the dialog is closed.
  const [credentials, setCredentials] = useState<ApiClientCredentials | null>(null);

  if (!organization) {
    return (
      <>
        <PageTitle>{t('common:nav.orgApiClients')}</PageTitle>
        <EmptyState title={t('common:nav.orgApiClients')} message={t('common:home.orgAdmin.noOrganization')} />
      </>
    );
  }
  return (
    <Stack>
      <PageTitle>{t('title', { name: organization.name })}</PageTitle>
      <Text>{t('intro')}</Text>
      {credentials && (
        <SecretOnceDialog
          title={t('secret.title', { name: credentials.client.name })}
          fields={[
            { label: t('secret.clientId'), copyLabel: t('secret.copyClientId'), value: credentials.clientId },
            { label: t('secret.secret'), copyLabel: t('secret.copySecret'), value: credentials.clientSecret },
          ]}
          onClose={() => setCredentials(null)}
        />
      )}
      {/* While a secret is shown the rest answers nothing: a second creation or rotation would replace it unseen. */}
      <Stack inert={credentials !== null}>
        <CreateApiClientForm organizationId={organization.organizationId} onCreated={setCredentials} />
        <ApiClientTable organizationId={organization.organizationId} onRotated={setCredentials} />
      </Stack>
    </Stack>
  );
}

function ApiClientTable({ organizationId, onRotated }: { organizationId: string; onRotated: (credentials: ApiClientCredentials) => void }) {
  const { t } = useTranslation(['integrations', 'common']);
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const clients = useApiClients(organizationId, page);
  const revoke = useRevokeApiClient(organizationId);
  const rotate = useRotateApiClientSecret(organizationId);
  const [editing, setEditing] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (clients.isPending) return <LoadingState />;
  if (clients.isError) return <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />;
  if (clients.data.items.length === 0) return <EmptyState title={t('list.emptyTitle')} message={t('list.empty')} />;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="clients-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="clients-title">
            {t('list.title')}
          </Title>
          <Text c="dimmed">{t('list.count', { count: clients.data.totalCount })}</Text>
        </Group>
        {revoke.isError && <ProblemAlert error={revoke.error} />}
        {done && (
          <Alert color="green" variant="light" role="status">
            {done}
          </Alert>
        )}
        {editing && (
          <EditApiClientForm
            organizationId={organizationId}
            clientId={editing}
            onSaved={(client) => {
              setEditing(null);
              setDone(t('edit.saved', { name: client.name }));
            }}
            onCancel={() => setEditing(null)}
          />
        )}
        <Table.ScrollContainer minWidth={960}>
          <Table striped aria-busy={clients.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.name')}</Table.Th>
                <Table.Th scope="col">{t('list.scopes')}</Table.Th>
                <Table.Th scope="col">{t('list.secrets')}</Table.Th>
                <Table.Th scope="col">{t('list.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('list.lastUsedAt')}</Table.Th>
                <Table.Th scope="col">{t('list.state')}</Table.Th>
                <Table.Th scope="col">{t('list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.data.items.map((client) => (
                <Table.Tr key={client.id}>
                  <Table.Td>{client.name}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {client.scopes.map((scope) => {
                        const key = scopeKey(scope);
                        return (
                          <Badge key={scope} variant="light" color="gray" tt="none">
                            {key ? t(`scopes.${key}.label`) : scope}
                          </Badge>
                        );
                      })}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {client.secrets.map((secret) => (
                      <Text key={secret.createdAt} size="sm">
                        {secret.expiresAt
                          ? t('list.hintUntil', { hint: secret.hint, date: format.dateTime(secret.expiresAt) })
                          : t('list.hint', { hint: secret.hint })}
                      </Text>
                    ))}
                  </Table.Td>
                  <Table.Td>{format.date(client.createdAt)}</Table.Td>
                  <Table.Td>{client.lastUsedAt ? format.dateTime(client.lastUsedAt) : t('list.never')}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={client.revokedAt ? 'red' : 'green'}>
                      {client.revokedAt ? t('list.revoked') : t('list.active')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {/* A revoked client is for good: nothing left to change. */}
                    {!client.revokedAt && (
                      <Stack gap="xs" align="flex-start">
                        <Button
                          size="xs"
                          variant="subtle"
                          aria-label={t('edit.actionNamed', { name: client.name })}
                          onClick={() => {
                            setDone(null);
                            setEditing(client.id);
                          }}
                        >
                          {t('edit.action')}
                        </Button>
                        <RotateSecretAction
                          name={client.name}
                          pending={rotate.isPending && rotate.variables.client.id === client.id}
                          error={rotate.variables?.client.id === client.id ? rotate.error : null}
                          onRotate={(overlapHours, done) =>
                            rotate.mutate(
                              { client, overlapHours },
                              {
                                onSuccess: (credentials) => {
                                  onRotated(credentials);
                                  // The page holds the secret now: the mutation lets go of it (and, its gcTime 0, leaves the cache).
                                  rotate.reset();
                                  done();
                                },
                              },
                            )
                          }
                        />
                        <ConfirmAction
                          label={t('revoke.action')}
                          ariaLabel={t('revoke.actionNamed', { name: client.name })}
                          question={t('revoke.confirm', { name: client.name })}
                          loading={revoke.isPending && revoke.variables.id === client.id}
                          onConfirm={() => {
                            setDone(null);
                            revoke.mutate(client, { onSuccess: () => setDone(t('revoke.done', { name: client.name })) });
                          }}
                        />
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager page={page} pageSize={clients.data.pageSize} totalCount={clients.data.totalCount} onChange={setPage} />
      </Stack>
    </Paper>
  );
}
