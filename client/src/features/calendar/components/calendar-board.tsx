import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AgendaEntry } from '@/features/calendar/api/calendar';
import { type CalendarView, dayIn } from './calendar-range';

function useCalendarFormats() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const times = new Map<string, Intl.DateTimeFormat>();
    const utcDay = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    const weekday = utcDay({ weekday: 'short' });
    const longDay = utcDay({ weekday: 'long', day: 'numeric', month: 'long' });
    const month = utcDay({ month: 'long', year: 'numeric' });
    const at = (day: string) => new Date(`${day}T00:00:00Z`);
    return {
      /** An instant's time in its cohort's zone, with the zone's short name (10:00 UTC+1). */
      time: (instant: string, timeZone: string) => {
        let format = times.get(timeZone);
        if (!format) {
          format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' });
          times.set(timeZone, format);
        }
        return format.format(new Date(instant));
      },
      weekday: (day: string) => weekday.format(at(day)),
      longDay: (day: string) => longDay.format(at(day)),
      month: (day: string) => month.format(at(day)),
    };
  }, [locale]);
}

function entryLink(entry: AgendaEntry): string {
  return entry.kind === 'DueDate' ? `/assignments/${entry.id}` : `/sessions/${entry.id}`;
}

/** One entry: its time, kind and title (a link to its page); a cancelled session says so. */
function Entry({ entry, compact }: { entry: AgendaEntry; compact?: boolean }) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormats();
  const time = format.time(entry.startsAt, entry.timeZone);
  const until = entry.endsAt ? ` – ${format.time(entry.endsAt, entry.timeZone)}` : '';
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {compact ? time : `${time}${until}`}
        </Text>
        <Badge size="xs" variant="light" color={entry.kind === 'DueDate' ? 'orange' : 'blue'}>
          {t(`kind.${entry.kind}`)}
        </Badge>
        {entry.isCancelled && (
          <Badge size="xs" color="red">
            {t('cancelled')}
          </Badge>
        )}
      </Group>
      <Anchor component={Link} to={entryLink(entry)} size="sm" td={entry.isCancelled ? 'line-through' : undefined}>
        {entry.kind === 'DueDate' ? t('due', { title: entry.title }) : entry.title}
      </Anchor>
      {!compact && entry.location && (
        <Text size="xs" c="dimmed">
          {entry.location}
        </Text>
      )}
    </Stack>
  );
}

/** The toolbar: previous, today, next, the period's name, and the view switch. */
export function CalendarToolbar({
  view,
  anchor,
  days,
  onView,
  onStep,
  onToday,
}: {
  view: CalendarView;
  anchor: string;
  days: string[];
  onView: (view: CalendarView) => void;
  onStep: (direction: 1 | -1) => void;
  onToday: () => void;
}) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormats();
  return (
    <Group justify="space-between" mb="md">
      <Group gap="xs">
        <Button variant="default" onClick={() => onStep(-1)} aria-label={t('previous')}>
          ‹
        </Button>
        <Button variant="default" onClick={onToday}>
          {t('today')}
        </Button>
        <Button variant="default" onClick={() => onStep(1)} aria-label={t('next')}>
          ›
        </Button>
        <Title order={2} size="h4" aria-live="polite">
          {view === 'month' ? format.month(anchor) : t(view === 'week' ? 'weekOf' : 'fourWeeksFrom', { day: format.longDay(days[0] ?? anchor) })}
        </Title>
      </Group>
      <SegmentedControl
        aria-label={t('view')}
        value={view}
        onChange={(value) => onView(value as CalendarView)}
        data={(['month', 'week', 'list'] as const).map((value) => ({ value, label: t(`views.${value}`) }))}
      />
    </Group>
  );
}

/** The entries on the given days, as a month or week grid or a list by day. */
export function CalendarBoard({ entries, view, days, today }: { entries: AgendaEntry[]; view: CalendarView; days: string[]; today: string }) {
  const { t } = useTranslation('calendar');
  const format = useCalendarFormats();
  const byDay = useMemo(() => {
    const map = new Map<string, AgendaEntry[]>();
    for (const entry of entries) {
      const day = dayIn(entry.startsAt, entry.timeZone);
      map.set(day, [...(map.get(day) ?? []), entry]);
    }
    return map;
  }, [entries]);

  if (view === 'list') {
    const listed = days.filter((day) => byDay.has(day));
    if (listed.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
    return (
      <Stack component="ol" aria-label={t('listLabel')} style={{ listStyle: 'none', padding: 0 }}>
        {listed.map((day) => (
          <Paper component="li" withBorder p="sm" key={day}>
            <Title order={3} size="h5" mb="xs">
              {format.longDay(day)}
            </Title>
            <Stack gap="sm">
              {(byDay.get(day) ?? []).map((entry) => (
                <Entry key={`${entry.kind}-${entry.id}`} entry={entry} />
              ))}
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }

  const weeks = Array.from({ length: days.length / 7 }, (_, w) => days.slice(w * 7, w * 7 + 7));
  const month = view === 'month' ? days[15]?.slice(0, 7) : undefined;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withColumnBorders withTableBorder layout="fixed" aria-label={t(view === 'month' ? 'monthLabel' : 'weekLabel')}>
        <Table.Thead>
          <Table.Tr>
            {days.slice(0, 7).map((day) => (
              <Table.Th key={day} scope="col">
                {view === 'week' ? format.longDay(day) : format.weekday(day)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week) => (
            <Table.Tr key={week[0]} style={{ verticalAlign: 'top' }}>
              {week.map((day) => (
                <Table.Td key={day} h={view === 'week' ? 240 : 110} aria-label={format.longDay(day)} bg={day === today ? 'var(--mantine-color-blue-light)' : undefined}>
                  {view === 'month' && (
                    <Text size="xs" fw={day === today ? 700 : 400} c={day.slice(0, 7) === month ? undefined : 'dimmed'}>
                      {Number(day.slice(8))}
                    </Text>
                  )}
                  <Stack gap={6}>
                    {(byDay.get(day) ?? []).map((entry) => (
                      <Entry key={`${entry.kind}-${entry.id}`} entry={entry} compact={view === 'month'} />
                    ))}
                  </Stack>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
