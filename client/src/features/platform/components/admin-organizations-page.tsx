import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '@/components/confirm-action';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useApi } from '@/lib/api/api-context';
import { useFormatters } from '@/lib/i18n/format';
import { type Organization, organizationListQuery, useCreateOrganization, useRenameOrganization, useSuspendOrganization } from '@/features/platform/api/admin';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** /admin/organizations: the platform admin creates, renames, suspends and reactivates organisations. */
export function AdminOrganizationsPage() {
  const { t } = useTranslation(['platform', 'common']);
  const api = useApi();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const organizations = useQuery(organizationListQuery(api, page));
  const suspend = useSuspendOrganization();
  const [done, setDone] = useState<string | null>(null);

  return (
    <Stack>
      <PageTitle>{t('admin.organizations.title')}</PageTitle>
      <Text>{t('admin.organizations.intro')}</Text>
      <CreateOrganizationForm />
      {suspend.isError && <ProblemAlert error={suspend.error} />}
      {done && (
        <Alert color="green" variant="light" role="status">
          {done}
        </Alert>
      )}
      {organizations.isPending ? (
        <LoadingState />
      ) : organizations.isError ? (
        <ErrorState error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : organizations.data.items.length === 0 ? (
        <EmptyState title={t('admin.organizations.title')} message={t('admin.organizations.empty')} />
      ) : (
        <Paper withBorder p="md">
          <Table.ScrollContainer minWidth={820}>
            <Table striped aria-busy={organizations.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('admin.organizations.name')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organizations.slug')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('admin.organizations.members')}
                  </Table.Th>
                  <Table.Th scope="col">{t('admin.organizations.status')}</Table.Th>
                  <Table.Th scope="col">{t('admin.organizations.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {organizations.data.items.map((organization) => (
                  <Table.Tr key={organization.id}>
                    <Table.Td>
                      <RenameCell organization={organization} onRenamed={(name) => setDone(t('admin.organizations.renamed', { name }))} />
                    </Table.Td>
                    <Table.Td>
                      <code>{organization.slug}</code>
                    </Table.Td>
                    <Table.Td ta="right">{format.number(organization.memberCount)}</Table.Td>
                    <Table.Td>
                      {organization.suspendedAt ? (
                        <Badge color="red" variant="light">
                          {t('admin.organizations.suspendedSince', { date: format.date(organization.suspendedAt) })}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light">
                          {t('admin.organizations.active')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {organization.suspendedAt ? (
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('admin.organizations.reactivateNamed', { name: organization.name })}
                          loading={suspend.isPending && suspend.variables?.organization.id === organization.id}
                          onClick={() =>
                            suspend.mutate(
                              { organization, suspend: false },
                              { onSuccess: () => setDone(t('admin.organizations.reactivated', { name: organization.name })) },
                            )
                          }
                        >
                          {t('admin.organizations.reactivate')}
                        </Button>
                      ) : (
                        <ConfirmAction
                          label={t('admin.organizations.suspend')}
                          ariaLabel={t('admin.organizations.suspendNamed', { name: organization.name })}
                          question={t('admin.organizations.confirmSuspend', { name: organization.name })}
                          loading={suspend.isPending && suspend.variables?.organization.id === organization.id}
                          onConfirm={() =>
                            suspend.mutate(
                              { organization, suspend: true },
                              { onSuccess: () => setDone(t('admin.organizations.suspended', { name: organization.name })) },
                            )
                          }
                        />
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} pageSize={organizations.data.pageSize} totalCount={organizations.data.totalCount} onChange={setPage} />
        </Paper>
      )}
    </Stack>
  );
}

function CreateOrganizationForm() {
  const { t } = useTranslation(['platform', 'common']);
  const create = useCreateOrganization();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [errors, setErrors] = useState<{ name?: string; slug?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      name: name.trim() ? undefined : t('common:validation.required'),
      slug: SLUG.test(slug) ? undefined : t('admin.organizations.slugHint'),
    };
    setErrors(next);
    if (next.name || next.slug) return;
    create.mutate({ name: name.trim(), slug }, {
        onSuccess: () => {
          setName('');
          setSlug('');
        },
      });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-organization-title">
      <Title order={2} size="h4" id="create-organization-title" mb="sm">
        {t('admin.organizations.create')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label={t('admin.organizations.name')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={errors.name}
            maxLength={200}
            required
            style={{ flex: '1 1 14rem' }}
          />
          <TextInput
            label={t('admin.organizations.slug')}
            description={t('admin.organizations.slugHint')}
            value={slug}
            onChange={(event) => setSlug(event.currentTarget.value)}
            error={errors.slug}
            maxLength={60}
            required
            style={{ flex: '1 1 14rem' }}
          />
          <Button type="submit" loading={create.isPending} mt={24}>
            {t('admin.organizations.submit')}
          </Button>
        </Group>
      </form>
      {create.isError && <ProblemAlert error={create.error} />}
      {create.isSuccess && (
        <Alert color="green" variant="light" role="status" mt="sm">
          {t('admin.organizations.created', { name: create.data.name })}
        </Alert>
      )}
    </Paper>
  );
}

/** The name, or a small form to rename it in place. */
function RenameCell({ organization, onRenamed }: { organization: Organization; onRenamed: (name: string) => void }) {
  const { t } = useTranslation(['platform', 'common']);
  const rename = useRenameOrganization();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(organization.name);

  if (!editing) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Text>{organization.name}</Text>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={t('admin.organizations.renameNamed', { name: organization.name })}
          onClick={() => {
            setName(organization.name);
            rename.reset();
            setEditing(true);
          }}
        >
          {t('admin.organizations.rename')}
        </Button>
      </Group>
    );
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    rename.mutate({ organization, name: name.trim() }, {
        onSuccess: (renamed) => {
          setEditing(false);
          onRenamed(renamed.name);
        },
      });
  };
  return (
    <form onSubmit={save} noValidate>
      <Group gap="xs" wrap="nowrap">
        <TextInput
          size="xs"
          aria-label={t('admin.organizations.newName', { name: organization.name })}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          maxLength={200}
          data-autofocus
        />
        <Button size="xs" type="submit" loading={rename.isPending}>
          {t('admin.organizations.save')}
        </Button>
        <Button size="xs" variant="default" onClick={() => setEditing(false)}>
          {t('admin.cancel')}
        </Button>
      </Group>
      {rename.isError && <ProblemAlert error={rename.error} />}
    </form>
  );
}
