import { Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { useFormatters } from '@/lib/i18n/format';
import { useCohortAttendance } from '@/features/sessions/api/sessions';

/** /cohorts/:cohortId/attendance: each learner's attendance rate (staff: all; mentor: theirs; learner: their own). */
export function CohortAttendancePage() {
  const { t } = useTranslation('sessions');
  const format = useFormatters();
  const { cohortId = '' } = useParams();
  const [page, setPage] = useState(1);
  const rates = useCohortAttendance(cohortId, page);

  if (rates.isPending) return <LoadingState />;
  if (rates.isError) return <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />;
  return (
    <Stack>
      <PageTitle>{t('cohortAttendance.pageTitle')}</PageTitle>
      <Table.ScrollContainer minWidth={520}>
        <Table striped aria-label={t('cohortAttendance.pageTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attendance.learner')}</Table.Th>
              <Table.Th>{t('status.Present')}</Table.Th>
              <Table.Th>{t('status.Late')}</Table.Th>
              <Table.Th>{t('status.Absent')}</Table.Th>
              <Table.Th>{t('status.Excused')}</Table.Th>
              <Table.Th>{t('cohortAttendance.rate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.data.items.map((row) => (
              <Table.Tr key={row.userId}>
                <Table.Td>{row.displayName}</Table.Td>
                <Table.Td>{row.present}</Table.Td>
                <Table.Td>{row.late}</Table.Td>
                <Table.Td>{row.absent}</Table.Td>
                <Table.Td>{row.excused}</Table.Td>
                <Table.Td>{row.rate == null ? t('attendance.none') : `${format.number(row.rate)} %`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={page} pageSize={rates.data.pageSize} totalCount={rates.data.totalCount} onChange={setPage} />
    </Stack>
  );
}
