import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useCreateWebhook, type WebhookCredentials } from '@/features/integrations/api/webhooks';
import { applyFieldErrors, hasFieldErrors } from './form-field-errors';
import { WebhookFields } from './webhook-fields';
import { webhookFields, webhookSchema, type WebhookValues } from './webhook-schema';

interface CreateWebhookFormProps {
  organizationId: string;
  /** Receives the new webhook's credentials, to show its secret once. */
  onCreated: (credentials: WebhookCredentials) => void;
}

/** "Nouveau webhook": a URL, a description and event types; the answer's secret goes straight to the page's secret-once dialog. */
export function CreateWebhookForm({ organizationId, onCreated }: CreateWebhookFormProps) {
  const { t } = useTranslation(['integrations', 'common']);
  const create = useCreateWebhook(organizationId);
  const schema = useMemo(() => webhookSchema(t), [t]);
  const form = useForm<WebhookValues>({ resolver: zodResolver(schema), defaultValues: { url: '', description: '', eventTypes: [] } });

  const onSubmit = form.handleSubmit((values) =>
    create.mutate(
      { url: values.url, eventTypes: values.eventTypes, description: values.description || null },
      {
        onSuccess: (credentials) => {
          onCreated(credentials);
          // The page holds the secret now: the mutation lets go of it (and, its gcTime 0, leaves the cache).
          create.reset();
          form.reset();
        },
        onError: (error) => applyFieldErrors(error, webhookFields, form.setError),
      },
    ),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="create-webhook-title">
      <Title order={2} size="h4" id="create-webhook-title" mb="xs">
        {t('webhooks.create.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('webhooks.create.intro')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {create.isError && !hasFieldErrors(create.error, webhookFields) && <ProblemAlert error={create.error} />}
          <WebhookFields form={form} />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('webhooks.create.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
