import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { useSystemStatus } from '@/features/platform/api/admin';
import { splitUptime } from './admin-rules';

const statusColor: Record<string, string> = { Healthy: 'green', Degraded: 'yellow', Unhealthy: 'red' };

/** /admin/system: the running instance, from GET /system. */
export function AdminSystemPage() {
  const { t } = useTranslation(['platform', 'common']);
  const format = useFormatters();
  const system = useSystemStatus();

  return (
    <Stack>
      <PageTitle>{t('admin.system.title')}</PageTitle>
      <Group justify="space-between">
        <Text>{t('admin.system.intro')}</Text>
        <Button variant="light" onClick={() => void system.refetch()} loading={system.isFetching}>
          {t('admin.system.refresh')}
        </Button>
      </Group>
      {system.isPending ? (
        <LoadingState />
      ) : system.isError ? (
        <ErrorState error={system.error} onRetry={() => void system.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Fact label={t('admin.system.version')} value={system.data.version} />
            <Fact label={t('admin.system.database')} value={system.data.databaseProvider} />
            <Fact label={t('admin.system.startedAt')} value={format.date(system.data.startedAt)} />
            <Fact label={t('admin.system.uptime')} value={t('admin.system.uptimeValue', splitUptime(system.data.uptimeSeconds))} />
          </SimpleGrid>
          <Paper withBorder p="md" component="section" aria-labelledby="health-title">
            <Group mb="sm">
              <Title order={2} size="h4" id="health-title">
                {t('admin.system.health')}
              </Title>
              <Badge variant="light" color={statusColor[system.data.health.status] ?? 'gray'}>{t(`admin.system.${system.data.health.status as 'Healthy'}`)}</Badge>
            </Group>
            <Table.ScrollContainer minWidth={480}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.system.check')}</Table.Th>
                    <Table.Th scope="col">{t('admin.system.status')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('admin.system.duration')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {system.data.health.checks.map((check) => (
                    <Table.Tr key={check.name}>
                      <Table.Td>{check.name}</Table.Td>
                      <Table.Td>{t(`admin.system.${check.status as 'Healthy'}`)}</Table.Td>
                      <Table.Td ta="right">{format.number(Math.round(check.durationMs))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="outbox-title">
            <Title order={2} size="h4" id="outbox-title" mb="sm">
              {t('admin.system.outbox')}
            </Title>
            <Table.ScrollContainer minWidth={400}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('admin.system.module')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('admin.system.pending')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('admin.system.failed')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {system.data.outbox.map((backlog) => (
                    <Table.Tr key={backlog.module}>
                      <Table.Td>{backlog.module}</Table.Td>
                      <Table.Td ta="right">{format.number(backlog.pending)}</Table.Td>
                      <Table.Td ta="right">{format.number(backlog.failed)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        </>
      )}
    </Stack>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </Paper>
  );
}
