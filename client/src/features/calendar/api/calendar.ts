// Calendar: the learner's agenda, a cohort's calendar, and the secret subscription URL of the .ics feed.

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type AgendaEntry = Schemas['AgendaEntry'];
export type AgendaEntryKind = Schemas['AgendaEntryKind'];
export type CalendarSubscription = Schemas['CalendarSubscription'];

export const calendarKeys = {
  all: ['calendar'] as const,
  mine: (from: string, to: string) => ['calendar', 'me', from, to] as const,
  cohort: (cohortId: string, from: string, to: string) => ['calendar', 'cohort', cohortId, from, to] as const,
  feed: ['calendar', 'feed'] as const,
};

export function useMyAgenda(from: string, to: string) {
  const api = useApi();
  return useQuery({
    queryKey: calendarKeys.mine(from, to),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/agenda', { params: { query: { from, to } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export function useCohortAgenda(cohortId: string, from: string, to: string) {
  const api = useApi();
  return useQuery({
    queryKey: calendarKeys.cohort(cohortId, from, to),
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/cohorts/{cohortId}/agenda', { params: { path: { cohortId }, query: { from, to } }, signal })),
    placeholderData: keepPreviousData,
  });
}

/** Whether a subscription URL exists (the URL itself is shown once, by useSubscribe). */
export function useCalendarFeed() {
  const api = useApi();
  return useQuery({
    queryKey: calendarKeys.feed,
    queryFn: ({ signal }) => unwrap(api.GET('/api/v1/me/calendar-feed', { signal })),
  });
}

/** Makes a new subscription URL; an earlier one stops working. */
export function useSubscribe() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/calendar-feed')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}

export function useUnsubscribe() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await unwrap(api.DELETE('/api/v1/me/calendar-feed'));
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: calendarKeys.feed }),
  });
}
