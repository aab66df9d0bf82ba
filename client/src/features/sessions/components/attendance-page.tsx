import { Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { type AttendanceStatus, useAttendanceSheet, useRecordAttendance, useSession } from '@/features/sessions/api/sessions';

const STATUSES: AttendanceStatus[] = ['Present', 'Late', 'Absent', 'Excused'];

/** /sessions/:sessionId/attendance: staff set each learner's status (or all present at once) and save the sheet in one go. */
export function AttendancePage() {
  const { t } = useTranslation('sessions');
  const format = useFormatters();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  const sheet = useAttendanceSheet(sessionId);
  const record = useRecordAttendance(sessionId);
  const [edits, setEdits] = useState<Record<string, AttendanceStatus>>({});

  if (sheet.isPending || session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (sheet.isError) return <ErrorState error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const { items, present, late, absent, excused, rate } = sheet.data.sheet;
  const statusOf = (userId: string, saved?: AttendanceStatus | null) => edits[userId] ?? saved ?? null;
  const changed = Object.entries(edits).map(([userId, status]) => ({ userId, status }));
  return (
    <Stack>
      <PageTitle>{t('attendance.pageTitle')}</PageTitle>
      <Text fw={600}>{session.data.title}</Text>
      <Text>{rate == null ? t('attendance.noRate') : t('attendance.rate', { rate: format.number(rate) })}</Text>
      <Text size="sm" c="dimmed">
        {t('attendance.counts', { present, late, absent, excused })}
      </Text>
      <Group>
        <Button variant="light" onClick={() => setEdits(Object.fromEntries(items.map((row) => [row.userId, 'Present' as const])))}>
          {t('attendance.allPresent')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={420}>
        <Table striped aria-label={t('attendance.pageTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attendance.learner')}</Table.Th>
              <Table.Th>{t('attendance.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((row) => (
              <Table.Tr key={row.userId}>
                <Table.Td>
                  {row.displayName}
                  {row.checkedInAt && (
                    <Text size="xs" c="dimmed">
                      {t('attendance.checkedIn', { at: format.dateTime(row.checkedInAt) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t('attendance.statusOf', { name: row.displayName })}
                    value={statusOf(row.userId, row.status) ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value as AttendanceStatus;
                      setEdits((edited) => ({ ...edited, [row.userId]: value }));
                    }}
                    data={[{ value: '', label: t('attendance.none'), disabled: true }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {record.isError && <ErrorState error={record.error} onRetry={() => void sheet.refetch()} />}
      {record.isSuccess && changed.length === 0 && <Text c="green">{t('attendance.saved')}</Text>}
      <Button
        onClick={() => record.mutate({ records: changed, etag: sheet.data.etag }, { onSuccess: () => setEdits({}) })}
        disabled={changed.length === 0}
        loading={record.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('attendance.save')}
      </Button>
    </Stack>
  );
}
