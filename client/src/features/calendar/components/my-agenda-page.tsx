import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useMyAgenda } from '@/features/calendar/api/calendar';
import { CalendarBoard, CalendarToolbar } from './calendar-board';
import { SubscribePanel } from './subscribe-panel';
import { useCalendarState } from './use-calendar-state';

/** "Mon agenda": the caller's sessions and own due dates across their cohorts, and the subscription for a calendar app. */
export function MyAgendaPage() {
  const { t } = useTranslation('calendar');
  const state = useCalendarState('list');
  const agenda = useMyAgenda(state.range.from, state.range.to);
  return (
    <Stack>
      <PageTitle>{t('mine.title')}</PageTitle>
      <section aria-label={t('mine.title')}>
        <CalendarToolbar view={state.view} anchor={state.anchor} days={state.days} onView={state.setView} onStep={state.step} onToday={state.goToday} />
        {agenda.isPending ? (
          <LoadingState />
        ) : agenda.isError ? (
          <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} />
        ) : (
          <CalendarBoard entries={agenda.data.entries} view={state.view} days={state.days} today={state.today} />
        )}
      </section>
      <SubscribePanel />
    </Stack>
  );
}
