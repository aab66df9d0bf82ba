import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { type ApiClientCredentials, useCreateApiClient } from '@/features/integrations/api/api-clients';
import { apiClientFields, apiClientSchema, type ApiClientValues } from './api-client-schema';
import { applyFieldErrors, hasFieldErrors } from './form-field-errors';
import { ScopePicker } from './scope-picker';

interface CreateApiClientFormProps {
  organizationId: string;
  /** Receives the new client's credentials, to show its secret once. */
  onCreated: (credentials: ApiClientCredentials) => void;
}

/** "Nouveau client": a name and its scopes; the answer's secret goes straight to the page's secret-once dialog. */
export function CreateApiClientForm({ organizationId, onCreated }: CreateApiClientFormProps) {
  const { t } = useTranslation(['integrations', 'common']);
  const create = useCreateApiClient(organizationId);
  const schema = useMemo(() => apiClientSchema(t), [t]);
  const form = useForm<ApiClientValues>({ resolver: zodResolver(schema), defaultValues: { name: '', scopes: [] } });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(
      { name: values.name, scopes: values.scopes },
      {
        onSuccess: (credentials) => {
          onCreated(credentials);
          // The page holds the secret now: the mutation lets go of it (and, its gcTime 0, leaves the cache).
          create.reset();
          form.reset();
        },
        onError: (error) => applyFieldErrors(error, apiClientFields, form.setError),
      },
    ),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-client-title">
      <Title order={2} size="h4" id="create-client-title" mb="xs">
        {t('create.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('create.intro')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {create.isError && !hasFieldErrors(create.error, apiClientFields) && <ProblemAlert error={create.error} />}
          <TextInput
            label={t('name')}
            description={t('create.nameHint')}
            required
            autoComplete="off"
            maxLength={100}
            error={errors.name?.message}
            {...form.register('name')}
          />
          <Controller
            control={form.control}
            name="scopes"
            render={({ field }) => <ScopePicker value={field.value} onChange={field.onChange} error={errors.scopes?.message} />}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('create.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
