import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { type Webhook, useEnableWebhook } from '@/features/integrations/api/webhooks';

interface WebhookDisabledBannerProps {
  webhook: Webhook;
  onEnabled: (message: string) => void;
}

/** A webhook disabled after a day of failures (the WebhookDisabled notification leads here): since when, and "Activer". */
export function WebhookDisabledBanner({ webhook, onEnabled }: WebhookDisabledBannerProps) {
  const { t } = useTranslation('integrations');
  const format = useFormatters();
  const enable = useEnableWebhook(webhook.id);
  const since = webhook.failingSince ?? webhook.disabledAt;
  return (
    <Alert color="red" variant="light" title={t('webhooks.disabled.title')}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {t('webhooks.disabled.message', {
            since: since ? format.dateTime(since) : '—',
            at: webhook.disabledAt ? format.dateTime(webhook.disabledAt) : '—',
          })}
        </Text>
        <Button size="xs" color="red.9" loading={enable.isPending} onClick={() => enable.mutate(undefined, { onSuccess: () => onEnabled(t('webhooks.actions.enabled')) })}>
          {t('webhooks.disabled.enable')}
        </Button>
        {enable.isError && <ProblemAlert error={enable.error} />}
      </Stack>
    </Alert>
  );
}
