import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useCohortAgenda } from '@/features/calendar/api/calendar';
import { CalendarBoard, CalendarToolbar } from './calendar-board';
import { useCalendarState } from './use-calendar-state';

/** A cohort's calendar (month, week, list): everything for staff, the learner's own sessions and due dates for a learner. */
export function CohortCalendarPage() {
  const { t } = useTranslation('calendar');
  const { cohortId = '' } = useParams();
  const state = useCalendarState('month');
  const agenda = useCohortAgenda(cohortId, state.range.from, state.range.to);
  return (
    <Stack>
      <PageTitle>{t('cohort.title')}</PageTitle>
      <CalendarToolbar view={state.view} anchor={state.anchor} days={state.days} onView={state.setView} onStep={state.step} onToday={state.goToday} />
      {agenda.isPending ? (
        <LoadingState />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
      ) : (
        <CalendarBoard entries={agenda.data.entries} view={state.view} days={state.days} today={state.today} />
      )}
    </Stack>
  );
}
