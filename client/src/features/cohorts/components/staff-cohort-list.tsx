import { Anchor, Paper, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { useVisibleCohorts } from '@/features/cohorts/api/cohorts';
import { worksOnCohort } from './use-cohort-staff';

/** The cohorts the caller runs (trainer, mentor, organisation admin) with their seats and waitlist. */
export function StaffCohortList({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const format = useFormatters();
  const { user } = useSession();
  const cohorts = useVisibleCohorts();

  if (cohorts.isPending) return <LoadingState />;
  if (cohorts.isError) return <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />;

  const adminOf = new Set(user?.organizations.filter((o) => o.role === 'OrgAdmin').map((o) => o.organizationId));
  const mine = cohorts.data.items.filter(worksOnCohort);

  if (mine.length === 0) {
    return <EmptyState title={t('common:home.trainer.cohortsTitle')} message={t('common:home.trainer.cohortsEmpty')} headingLevel={headingLevel} />;
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="staff-cohorts-title">
      <Title order={headingLevel} size="h3" id="staff-cohorts-title" mb="sm">
        {t('common:home.trainer.cohortsTitle')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped aria-busy={cohorts.isFetching}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('list.cohort')}</Table.Th>
              <Table.Th scope="col">{t('list.dates')}</Table.Th>
              <Table.Th scope="col">{t('list.mode')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('list.seats')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('list.seatsLeft')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('list.waitlist')}
              </Table.Th>
              <Table.Th scope="col">{t('list.myRole')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.map((cohort) => (
              <Table.Tr key={cohort.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/cohorts/${cohort.id}`}>
                    {cohort.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t('facts.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}</Table.Td>
                <Table.Td>{t(`mode.${cohort.admissionMode}`)}</Table.Td>
                <Table.Td ta="right">{`${format.number(cohort.seatsTaken)} / ${format.number(cohort.capacity)}`}</Table.Td>
                <Table.Td ta="right">{format.number(cohort.seatsLeft)}</Table.Td>
                <Table.Td ta="right">{format.number(cohort.waitlistLength)}</Table.Td>
                <Table.Td>
                  {cohort.myRole
                    ? t(`role.${cohort.myRole}`)
                    : adminOf.has(cohort.organizationId) || cohort.organizationIds.some((id) => adminOf.has(id))
                      ? t('common:roles.orgAdmin')
                      : t('common:roles.platformAdmin')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
