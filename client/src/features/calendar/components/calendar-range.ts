// Calendar days as `YYYY-MM-DD` keys: the grid walks days with plain UTC date arithmetic, and each entry lands on the day
// it falls on in its cohort's time zone (the zone its times read in), whatever the browser's.

export type CalendarView = 'month' | 'week' | 'list';

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function addMonths(day: string, months: number): string {
  const date = new Date(`${day.slice(0, 8)}01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** 0 for Monday … 6 for Sunday. */
function weekday(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The day an instant falls on in a time zone. */
export function dayIn(instant: string | Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(new Date(instant));
}

/** The days a view shows around `anchor`: six full weeks for a month, Monday to Sunday for a week, four weeks from that Monday for a list. */
export function daysOf(view: CalendarView, anchor: string): string[] {
  const first = `${anchor.slice(0, 8)}01`;
  const start = view === 'month' ? addDays(first, -weekday(first)) : addDays(anchor, -weekday(anchor));
  return Array.from({ length: view === 'month' ? 42 : view === 'week' ? 7 : 28 }, (_, i) => addDays(start, i));
}

/** The instants to ask the API for: a day more on each side, so that every zone's edges are in (44 days at most). */
export function rangeOf(days: string[]): { from: string; to: string } {
  const [first = '', last = first] = [days[0], days.at(-1)];
  return { from: `${addDays(first, -1)}T00:00:00Z`, to: `${addDays(last, 2)}T00:00:00Z` };
}

export function step(view: CalendarView, anchor: string, direction: 1 | -1): string {
  return view === 'month' ? addMonths(anchor, direction) : addDays(anchor, (view === 'week' ? 7 : 28) * direction);
}
