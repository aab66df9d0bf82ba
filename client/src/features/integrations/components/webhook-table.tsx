import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { webhookName, useWebhooks } from '@/features/integrations/api/webhooks';
import { DeliveryStateBadge } from './delivery-state-badge';
import { eventTypeKey } from './event-type-labels';
import { WebhookStateBadge } from './webhook-state-badge';

/** The organisation's webhooks: each one's state, event types and last delivery, and a link to manage it. */
export function WebhookTable({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['integrations', 'common']);
  const [page, setPage] = useState(1);
  const format = useFormatters();
  const webhooks = useWebhooks(organizationId, page);

  if (webhooks.isPending) return <LoadingState />;
  if (webhooks.isError) return <ErrorState error={webhooks.error} onRetry={() => void webhooks.refetch()} />;
  if (webhooks.data.items.length === 0) return <EmptyState title={t('webhooks.list.emptyTitle')} message={t('webhooks.list.empty')} />;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="webhooks-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="webhooks-title">
            {t('webhooks.list.title')}
          </Title>
          <Text c="dimmed">{t('webhooks.list.count', { count: webhooks.data.totalCount })}</Text>
        </Group>
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-busy={webhooks.isFetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('webhooks.list.webhook')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.list.events')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.list.state')}</Table.Th>
                <Table.Th scope="col">{t('webhooks.list.lastDelivery')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {webhooks.data.items.map((webhook) => (
                <Table.Tr key={webhook.id}>
                  <Table.Th scope="row" fw="normal">
                    <Anchor component={Link} to={`/organization/webhooks/${webhook.id}`} fw={600}>
                      {webhookName(webhook)}
                    </Anchor>
                    {webhook.description && (
                      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {webhook.url}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Group gap={4}>
                      {webhook.eventTypes.map((type) => {
                        const key = eventTypeKey(type);
                        return (
                          <Badge key={type} variant="light" color="gray" tt="none">
                            {key ? t(`webhooks.events.${key}.label`) : type}
                          </Badge>
                        );
                      })}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <WebhookStateBadge state={webhook.state} />
                  </Table.Td>
                  <Table.Td>
                    {webhook.lastDelivery ? (
                      <Stack gap={2} align="flex-start">
                        <DeliveryStateBadge state={webhook.lastDelivery.state} />
                        <Text size="sm">
                          {webhook.lastDelivery.statusCode ?? t('webhooks.list.noAnswer')} · {format.dateTime(webhook.lastDelivery.at)}
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('webhooks.list.noDelivery')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Pager page={page} pageSize={webhooks.data.pageSize} totalCount={webhooks.data.totalCount} onChange={setPage} />
      </Stack>
    </Paper>
  );
}
