import { Alert, Button, Code, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import {
  type DeliveryFilter,
  type DeliveryState,
  deliveryStates,
  pingEventType,
  useDeliveries,
  useResendDelivery,
  webhookEventTypes,
} from '@/features/integrations/api/webhooks';
import { DeliveryDetails } from './delivery-details';
import { DeliveryStateBadge } from './delivery-state-badge';
import { eventTypeKeys } from './event-type-labels';

const COLUMNS = 6;

/** The webhook's delivery log, newest first: filters, pages, a row per message that opens on its attempts and body, "Renvoyer". */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation(['integrations', 'common']);
  const format = useFormatters();
  const [filter, setFilter] = useState<DeliveryFilter>({ state: null, eventType: null, page: 1 });
  const deliveries = useDeliveries(webhookId, filter);
  const resend = useResendDelivery(webhookId);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const [resent, setResent] = useState(false);
  const filtered = filter.state !== null || filter.eventType !== null;

  const toggle = (id: string) =>
    setOpened((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const eventOptions = [
    ...webhookEventTypes.map((type) => ({ value: type, label: `${t(`webhooks.events.${eventTypeKeys[type]}.label`)} (${type})` })),
    { value: pingEventType, label: `${t('webhooks.events.ping')} (${pingEventType})` },
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="delivery-log-title">
      <Stack>
        <Title order={2} size="h4" id="delivery-log-title">
          {t('webhooks.log.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('webhooks.log.intro')}
        </Text>
        <Group role="group" aria-label={t('webhooks.log.filters')} align="flex-end">
          <NativeSelect
            label={t('webhooks.log.state')}
            value={filter.state ?? ''}
            onChange={(event) => setFilter({ ...filter, state: (event.currentTarget.value || null) as DeliveryState | null, page: 1 })}
            data={[
              { value: '', label: t('webhooks.log.all') },
              ...deliveryStates.map((state) => ({ value: state, label: t(`webhooks.deliveryState.${state}`) })),
            ]}
          />
          <NativeSelect
            label={t('webhooks.log.event')}
            value={filter.eventType ?? ''}
            onChange={(event) => setFilter({ ...filter, eventType: event.currentTarget.value || null, page: 1 })}
            data={[{ value: '', label: t('webhooks.log.all') }, ...eventOptions]}
          />
        </Group>
        {resend.isError && <ProblemAlert error={resend.error} />}
        {resent && (
          <Alert color="green" variant="light" role="status">
            {t('webhooks.log.resent')}
          </Alert>
        )}
        {deliveries.isPending ? (
          <LoadingState />
        ) : deliveries.isError ? (
          <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : deliveries.data.items.length === 0 ? (
          <Text>{filtered ? t('webhooks.log.emptyFiltered') : t('webhooks.log.empty')}</Text>
        ) : (
          <>
            <Table.ScrollContainer minWidth={720}>
              <Table aria-labelledby="delivery-log-title" aria-busy={deliveries.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('webhooks.log.event')}</Table.Th>
                    <Table.Th scope="col">{t('webhooks.log.state')}</Table.Th>
                    <Table.Th scope="col">{t('webhooks.log.statusCode')}</Table.Th>
                    <Table.Th scope="col">{t('webhooks.log.attempts')}</Table.Th>
                    <Table.Th scope="col">{t('webhooks.log.at')}</Table.Th>
                    <Table.Th scope="col">{t('webhooks.log.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {deliveries.data.items.map((delivery) => {
                    const at = format.dateTime(delivery.deliveredAt ?? delivery.lastAttemptAt ?? delivery.createdAt);
                    const named = { event: delivery.eventType, date: at };
                    const isOpen = opened.has(delivery.id);
                    return (
                      <Fragment key={delivery.id}>
                        <Table.Tr>
                          <Table.Td>
                            <Code>{delivery.eventType}</Code>
                          </Table.Td>
                          <Table.Td>
                            <DeliveryStateBadge state={delivery.state} />
                            {delivery.state === 'Pending' && delivery.nextAttemptAt && (
                              <Text size="xs" c="dimmed">
                                {t('webhooks.log.nextAttempt', { date: format.dateTime(delivery.nextAttemptAt) })}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>{delivery.lastStatusCode ?? (delivery.attempts > 0 ? t('webhooks.list.noAnswer') : '—')}</Table.Td>
                          <Table.Td>{delivery.attempts}</Table.Td>
                          <Table.Td>{at}</Table.Td>
                          <Table.Td>
                            <Group gap="xs" wrap="nowrap">
                              <Button
                                size="xs"
                                variant="default"
                                aria-label={t('webhooks.log.detailsNamed', named)}
                                aria-expanded={isOpen}
                                aria-controls={isOpen ? `delivery-${delivery.id}` : undefined}
                                onClick={() => toggle(delivery.id)}
                              >
                                {t('webhooks.log.details')}
                              </Button>
                              <Button
                                size="xs"
                                variant="light"
                                aria-label={t('webhooks.log.resendNamed', named)}
                                loading={resend.isPending && resend.variables === delivery.id}
                                onClick={() => {
                                  setResent(false);
                                  resend.mutate(delivery.id, { onSuccess: () => setResent(true) });
                                }}
                              >
                                {t('webhooks.log.resend')}
                              </Button>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                        {isOpen && (
                          <Table.Tr id={`delivery-${delivery.id}`}>
                            <Table.Td colSpan={COLUMNS}>
                              <DeliveryDetails webhookId={webhookId} delivery={delivery} />
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              page={filter.page}
              pageSize={deliveries.data.pageSize}
              totalCount={deliveries.data.totalCount}
              onChange={(page) => setFilter({ ...filter, page })}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
