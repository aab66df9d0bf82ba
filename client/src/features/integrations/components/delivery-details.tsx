import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useFormatters } from '@/lib/i18n/format';
import { type WebhookDelivery, useDelivery } from '@/features/integrations/api/webhooks';

// What the receiver answered and what was sent are other people's text: shown as text, wrapped rather than scrolled.
const wrapped = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** An opened row of the log: the message's id, its attempts (newest first) and the JSON body exactly as sent. */
export function DeliveryDetails({ webhookId, delivery }: { webhookId: string; delivery: WebhookDelivery }) {
  const { t } = useTranslation('integrations');
  const format = useFormatters();
  const details = useDelivery(webhookId, delivery);

  if (details.isPending) return <LoadingState />;
  if (details.isError) return <ErrorState error={details.error} onRetry={() => void details.refetch()} />;
  const { attemptLog, payload } = details.data;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('webhooks.log.messageId', { id: delivery.messageId })}</Text>
      <Title order={3} size="h5">
        {t('webhooks.log.attemptsTitle')}
      </Title>
      {attemptLog.length === 0 ? (
        <Text size="sm">{t('webhooks.log.noAttempt')}</Text>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('webhooks.log.at')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.log.statusCode')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.log.duration')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.log.error')}</Table.Th>
              <Table.Th scope="col">{t('webhooks.log.response')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attemptLog.map((attempt) => (
              <Table.Tr key={attempt.at}>
                <Table.Td>{format.dateTime(attempt.at)}</Table.Td>
                <Table.Td>{attempt.statusCode ?? t('webhooks.list.noAnswer')}</Table.Td>
                <Table.Td>{t('webhooks.log.durationMs', { count: attempt.durationMs })}</Table.Td>
                <Table.Td style={wrapped}>{attempt.error}</Table.Td>
                <Table.Td>{attempt.responseExcerpt && <Code style={wrapped}>{attempt.responseExcerpt}</Code>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={3} size="h5">
        {t('webhooks.log.payload')}
      </Title>
      <Code block style={wrapped}>
        {JSON.stringify(payload, null, 2)}
      </Code>
    </Stack>
  );
}
