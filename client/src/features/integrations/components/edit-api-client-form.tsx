import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { type OrganizationApiClient, useApiClientForEdit, useUpdateApiClient } from '@/features/integrations/api/api-clients';
import { apiClientFields, apiClientSchema, type ApiClientValues } from './api-client-schema';
import { applyFieldErrors, hasFieldErrors } from './form-field-errors';
import { ScopePicker } from './scope-picker';

interface EditApiClientFormProps {
  organizationId: string;
  clientId: string;
  onSaved: (client: OrganizationApiClient) => void;
  onCancel: () => void;
}

/** A client's name and scopes, changed with If-Match: read fresh when the form opens, 412 when someone changed it since. */
export function EditApiClientForm({ organizationId, clientId, onSaved, onCancel }: EditApiClientFormProps) {
  const current = useApiClientForEdit(organizationId, clientId);
  if (current.isPending) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  return (
    // A new version starts a new form from its values.
    <EditFields
      key={current.data.etag}
      organizationId={organizationId}
      client={current.data.client}
      etag={current.data.etag}
      onReload={() => void current.refetch()}
      onSaved={onSaved}
      onCancel={onCancel}
    />
  );
}

interface EditFieldsProps extends Omit<EditApiClientFormProps, 'clientId'> {
  client: OrganizationApiClient;
  etag: string | null;
  onReload: () => void;
}

function EditFields({ organizationId, client, etag, onReload, onSaved, onCancel }: EditFieldsProps) {
  const { t } = useTranslation(['integrations', 'common']);
  const update = useUpdateApiClient(organizationId);
  const schema = useMemo(() => apiClientSchema(t), [t]);
  const form = useForm<ApiClientValues>({ resolver: zodResolver(schema), defaultValues: { name: client.name, scopes: client.scopes } });
  const { errors } = form.formState;
  const stale = isApiError(update.error) && (update.error.status === 412 || update.error.code === 'precondition-failed');

  const onSubmit = form.handleSubmit((values) =>
    update.mutate(
      { clientId: client.id, body: { name: values.name, scopes: values.scopes }, etag },
      { onSuccess: onSaved, onError: (error) => applyFieldErrors(error, apiClientFields, form.setError) },
    ),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="edit-client-title">
      <Title order={3} size="h5" id="edit-client-title" mb="xs">
        {t('edit.title', { name: client.name })}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('edit.hint')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert" title={t('edit.staleTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('common:problems.precondition-failed')}</Text>
                <Button size="xs" variant="default" style={{ alignSelf: 'flex-start' }} onClick={onReload}>
                  {t('edit.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {update.isError && !stale && !hasFieldErrors(update.error, apiClientFields) && <ProblemAlert error={update.error} />}
          <TextInput
            label={t('name')}
            required
            autoComplete="off"
            maxLength={100}
            error={errors.name?.message}
            // The form opens above the list: the focus goes to it, not left on the row's button.
            autoFocus
            {...form.register('name')}
          />
          <Controller
            control={form.control}
            name="scopes"
            render={({ field }) => <ScopePicker value={field.value} onChange={field.onChange} error={errors.scopes?.message} />}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('edit.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('edit.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
