import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useDecidePartnership, usePendingPartnerships } from '@/features/cohorts/api/partnerships';

/** /partnerships: an org admin accepts or declines the cohorts of other organisations that named theirs as a partner. */
export function PartnershipsPage() {
  const { t } = useTranslation(['cohorts', 'common']);
  const { user } = useSession();
  const administered = (user?.organizations ?? []).filter((o) => o.role === 'OrgAdmin');

  return (
    <Stack>
      <PageTitle>{t('partnerships.title')}</PageTitle>
      <Text>{t('partnerships.intro')}</Text>
      {administered.map((organization) => (
        <PendingPartnerships key={organization.organizationId} organizationId={organization.organizationId} name={organization.name} />
      ))}
    </Stack>
  );
}

/** One organisation's pending requests with accept and decline; also the org admin home's panel. */
export function PendingPartnerships({ organizationId, name }: { organizationId: string; name: string }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const format = useFormatters();
  const pending = usePendingPartnerships(organizationId);
  const decide = useDecidePartnership(organizationId);
  const titleId = `partnerships-${organizationId}`;

  if (pending.isPending) return <LoadingState />;
  if (pending.isError) return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId} mb="sm">
        {t('partnerships.organizationTitle', { name })}
      </Title>
      {decide.isError && <ProblemAlert error={decide.error} />}
      {decide.isSuccess && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('partnerships.decided')}
        </Alert>
      )}
      {pending.data.items.length === 0 ? (
        <Text c="dimmed">{t('partnerships.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('partnerships.cohort')}</Table.Th>
                <Table.Th scope="col">{t('partnerships.owner')}</Table.Th>
                <Table.Th scope="col">{t('partnerships.dates')}</Table.Th>
                <Table.Th scope="col">{t('partnerships.mode')}</Table.Th>
                <Table.Th scope="col">{t('partnerships.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pending.data.items.map((item) => {
                const busy = decide.isPending && decide.variables?.cohortId === item.cohortId;
                return (
                  <Table.Tr key={item.cohortId}>
                    <Table.Td>{item.cohortTitle}</Table.Td>
                    <Table.Td>{item.ownerOrganizationName}</Table.Td>
                    <Table.Td>
                      {format.day(item.startsOn)} – {format.day(item.endsOn)}
                    </Table.Td>
                    <Table.Td>{t(`mode.${item.admissionMode}`)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          loading={busy && decide.variables?.accept}
                          disabled={busy}
                          onClick={() => decide.mutate({ cohortId: item.cohortId, accept: true })}
                          aria-label={t('partnerships.acceptNamed', { title: item.cohortTitle })}
                        >
                          {t('partnerships.accept')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          loading={busy && !decide.variables?.accept}
                          disabled={busy}
                          onClick={() => decide.mutate({ cohortId: item.cohortId, accept: false })}
                          aria-label={t('partnerships.declineNamed', { title: item.cohortTitle })}
                        >
                          {t('partnerships.decline')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
