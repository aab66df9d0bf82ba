import { Alert, Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { type WebhookCredentials, webhookName, useWebhook } from '@/features/integrations/api/webhooks';
import { DeliveryLog } from './delivery-log';
import { eventTypeKey } from './event-type-labels';
import { SecretOnceDialog } from './secret-once-dialog';
import { WebhookActions } from './webhook-actions';
import { WebhookDisabledBanner } from './webhook-disabled-banner';
import { WebhookStateBadge } from './webhook-state-badge';

/** /organization/webhooks/:webhookId: one webhook, what can be done with it, and its delivery log. */
export function WebhookDetailPage() {
  const { t } = useTranslation(['integrations', 'common']);
  const format = useFormatters();
  const { webhookId = '' } = useParams();
  const current = useWebhook(webhookId);
  // As on the list page: the one copy of a rotated secret, in this state only, until the dialog is closed.
  const [credentials, setCredentials] = useState<WebhookCredentials | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (current.isPending) return <LoadingState />;
  if (current.isError) return <ErrorState error={current.error} onRetry={() => void current.refetch()} />;
  const { webhook, etag } = current.data;
  const name = webhookName(webhook);

  return (
    <Stack>
      <Anchor component={Link} to="/organization/webhooks" size="sm">
        {t('webhooks.detail.back')}
      </Anchor>
      <PageTitle>{t('webhooks.detail.title', { name })}</PageTitle>
      {credentials && (
        <SecretOnceDialog
          title={t('webhooks.secret.title', { name })}
          fields={[{ label: t('webhooks.secret.secret'), copyLabel: t('webhooks.secret.copy'), value: credentials.secret }]}
          onClose={() => setCredentials(null)}
        />
      )}
      <Stack inert={credentials !== null}>
        {done && (
          <Alert color="green" variant="light" role="status">
            {done}
          </Alert>
        )}
        {webhook.state === 'DisabledFailing' && <WebhookDisabledBanner webhook={webhook} onEnabled={setDone} />}
        {webhook.state === 'Enabled' && webhook.failingSince && (
          <Alert color="orange" variant="light">
            {t('webhooks.detail.failing', { since: format.dateTime(webhook.failingSince) })}
          </Alert>
        )}
        <Paper withBorder p="md" component="section" aria-labelledby="webhook-facts-title">
          <Stack>
            <Title order={2} size="h4" id="webhook-facts-title">
              {t('webhooks.detail.facts')}
            </Title>
            <Table variant="vertical" layout="fixed" withTableBorder>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row" w={160}>
                    {t('webhooks.list.state')}
                  </Table.Th>
                  <Table.Td>
                    <WebhookStateBadge state={webhook.state} />
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('webhooks.url')}</Table.Th>
                  <Table.Td ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                    {webhook.url}
                  </Table.Td>
                </Table.Tr>
                {webhook.description && (
                  <Table.Tr>
                    <Table.Th scope="row">{t('webhooks.description')}</Table.Th>
                    <Table.Td>{webhook.description}</Table.Td>
                  </Table.Tr>
                )}
                <Table.Tr>
                  <Table.Th scope="row">{t('webhooks.list.events')}</Table.Th>
                  <Table.Td>
                    {webhook.eventTypes
                      .map((type) => {
                        const key = eventTypeKey(type);
                        return key ? t(`webhooks.events.${key}.label`) : type;
                      })
                      .join(', ')}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('webhooks.detail.secrets')}</Table.Th>
                  <Table.Td>
                    {webhook.secrets.map((secret) => (
                      <Text key={secret.createdAt} size="sm">
                        {secret.expiresAt
                          ? t('list.hintUntil', { hint: secret.hint, date: format.dateTime(secret.expiresAt) })
                          : t('list.hint', { hint: secret.hint })}
                      </Text>
                    ))}
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('webhooks.detail.createdAt')}</Table.Th>
                  <Table.Td>{format.date(webhook.createdAt)}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <WebhookActions webhook={webhook} etag={etag} onDone={setDone} onRotated={setCredentials} onReload={() => void current.refetch()} />
          </Stack>
        </Paper>
        <DeliveryLog webhookId={webhook.id} />
      </Stack>
    </Stack>
  );
}
