import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { type Webhook, useUpdateWebhook } from '@/features/integrations/api/webhooks';
import { applyFieldErrors, hasFieldErrors } from './form-field-errors';
import { WebhookFields } from './webhook-fields';
import { webhookFields, webhookSchema, type WebhookValues } from './webhook-schema';

interface EditWebhookFormProps {
  webhook: Webhook;
  /** The version shown: the change is conditional on it (If-Match), 412 when someone changed it since. */
  etag: string | null;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/** A webhook's URL, description and event types; pausing stays as it is. */
export function EditWebhookForm({ webhook, etag, onSaved, onCancel, onReload }: EditWebhookFormProps) {
  const { t } = useTranslation(['integrations', 'common']);
  const update = useUpdateWebhook(webhook.id);
  const schema = useMemo(() => webhookSchema(t), [t]);
  const form = useForm<WebhookValues>({
    resolver: zodResolver(schema),
    defaultValues: { url: webhook.url, description: webhook.description ?? '', eventTypes: webhook.eventTypes },
  });
  const stale = isApiError(update.error) && (update.error.status === 412 || update.error.code === 'precondition-failed');

  const onSubmit = form.handleSubmit((values) =>
    update.mutate(
      {
        body: { url: values.url, eventTypes: values.eventTypes, description: values.description || null, paused: webhook.state === 'Paused' },
        etag,
      },
      { onSuccess: onSaved, onError: (error) => applyFieldErrors(error, webhookFields, form.setError) },
    ),
  );

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="edit-webhook-title">
      <Title order={3} size="h5" id="edit-webhook-title" mb="sm">
        {t('webhooks.edit.title')}
      </Title>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {stale && (
            <Alert color="orange" variant="light" role="alert" title={t('webhooks.edit.staleTitle')}>
              <Stack gap="xs">
                <Text size="sm">{t('common:problems.precondition-failed')}</Text>
                <Button size="xs" variant="default" style={{ alignSelf: 'flex-start' }} onClick={onReload}>
                  {t('webhooks.edit.reload')}
                </Button>
              </Stack>
            </Alert>
          )}
          {update.isError && !stale && !hasFieldErrors(update.error, webhookFields) && <ProblemAlert error={update.error} />}
          {/* The form opens below the actions: the focus goes to it, not left on "Modifier". */}
          <WebhookFields form={form} autoFocus />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('webhooks.edit.save')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('webhooks.edit.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
