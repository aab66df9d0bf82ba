import { Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ConfirmAction } from '@/components/confirm-action';
import { ProblemAlert } from '@/components/problem-alert';
import {
  type Webhook,
  type WebhookCredentials,
  webhookName,
  useDeleteWebhook,
  useEnableWebhook,
  usePingWebhook,
  useRotateWebhookSecret,
  useUpdateWebhook,
} from '@/features/integrations/api/webhooks';
import { EditWebhookForm } from './edit-webhook-form';
import { RotateSecretAction } from './rotate-secret-action';

interface WebhookActionsProps {
  webhook: Webhook;
  /** The version shown, for the conditional changes (pause, edit). */
  etag: string | null;
  /** Says what an action did. */
  onDone: (message: string) => void;
  /** Receives a rotated secret, to show it once. */
  onRotated: (credentials: WebhookCredentials) => void;
  /** Reads the webhook again, after someone else changed it. */
  onReload: () => void;
}

/** Pause or resume, test ping, edit, rotate the secret, delete. */
export function WebhookActions({ webhook, etag, onDone, onRotated, onReload }: WebhookActionsProps) {
  const { t } = useTranslation(['integrations', 'common']);
  const navigate = useNavigate();
  const update = useUpdateWebhook(webhook.id);
  const enable = useEnableWebhook(webhook.id);
  const ping = usePingWebhook(webhook.id);
  const rotate = useRotateWebhookSecret(webhook.id);
  const remove = useDeleteWebhook(webhook.id);
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const name = webhookName(webhook);

  /** Each action clears the previous one's failure, then says what it did, or shows why not. */
  const outcome = (message: string) => {
    setFailure(null);
    return { onSuccess: () => onDone(message), onError: setFailure };
  };
  const pause = () =>
    update.mutate(
      { body: { url: webhook.url, eventTypes: webhook.eventTypes, description: webhook.description ?? null, paused: true }, etag },
      outcome(t('webhooks.actions.paused')),
    );

  return (
    <Stack>
      <Group gap="xs" align="flex-start">
        {webhook.state === 'Enabled' && (
          <Button size="xs" variant="light" loading={update.isPending} onClick={pause}>
            {t('webhooks.actions.pause')}
          </Button>
        )}
        {webhook.state === 'Paused' && (
          <Button size="xs" variant="light" loading={enable.isPending} onClick={() => enable.mutate(undefined, outcome(t('webhooks.actions.enabled')))}>
            {t('webhooks.actions.resume')}
          </Button>
        )}
        <Button size="xs" variant="light" loading={ping.isPending} onClick={() => ping.mutate(undefined, outcome(t('webhooks.actions.pinged')))}>
          {t('webhooks.actions.ping')}
        </Button>
        <Button size="xs" variant="light" aria-expanded={editing} onClick={() => setEditing((open) => !open)}>
          {t('webhooks.edit.action')}
        </Button>
        <RotateSecretAction
          name={name}
          pending={rotate.isPending}
          error={rotate.error}
          onRotate={(overlapHours, done) =>
            rotate.mutate(overlapHours, {
              onSuccess: (credentials) => {
                onRotated(credentials);
                // The page holds the secret now: the mutation lets go of it (and, its gcTime 0, leaves the cache).
                rotate.reset();
                done();
              },
            })
          }
        />
        <ConfirmAction
          label={t('webhooks.actions.delete')}
          ariaLabel={t('webhooks.actions.deleteNamed', { name })}
          question={t('webhooks.actions.deleteConfirm')}
          loading={remove.isPending}
          onConfirm={() => {
            setFailure(null);
            remove.mutate(undefined, { onSuccess: () => void navigate('/organization/webhooks'), onError: setFailure });
          }}
        />
      </Group>
      {failure != null && <ProblemAlert error={failure} />}
      {editing && (
        // A new version (after "Repartir de la version actuelle") starts a new form from its values.
        <EditWebhookForm
          key={etag}
          webhook={webhook}
          etag={etag}
          onSaved={() => {
            setEditing(false);
            onDone(t('webhooks.edit.saved'));
          }}
          onCancel={() => setEditing(false)}
          onReload={onReload}
        />
      )}
    </Stack>
  );
}
