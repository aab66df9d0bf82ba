import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';
import type { Cohort } from '@/features/cohorts/api/cohorts';

type Facts = Pick<Cohort, 'startsOn' | 'endsOn' | 'timeZone'> &
  Partial<Pick<Cohort, 'admissionMode' | 'applicationsCloseAt' | 'seatsLeft' | 'seatsTaken' | 'capacity' | 'waitlistLength'>>;

/** Dates (in the cohort's time zone), admission mode and seats of a cohort, in one block. */
export function CohortFacts({ cohort, showWindow = false, showSeats = true }: { cohort: Facts; showWindow?: boolean; showSeats?: boolean }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const format = useFormatters();
  return (
    <Stack gap={4}>
      <Text size="sm">{t('facts.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}</Text>
      {showWindow && cohort.applicationsCloseAt && (
        <Text size="sm">
          {t('facts.closes', { date: format.dateTimeIn(cohort.applicationsCloseAt, cohort.timeZone) })}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {t('facts.timeZone', { zone: cohort.timeZone })}
      </Text>
      <Group gap="xs">
        {cohort.admissionMode && (
          <Badge variant="light" color="gray">
            {t(`mode.${cohort.admissionMode}`)}
          </Badge>
        )}
        {showSeats && cohort.seatsLeft !== undefined && (
          <Badge variant="light" color={cohort.seatsLeft > 0 ? 'green' : 'red'}>
            {cohort.seatsLeft > 0 ? t('facts.seatsLeft', { count: cohort.seatsLeft }) : t('facts.full')}
          </Badge>
        )}
      </Group>
    </Stack>
  );
}
