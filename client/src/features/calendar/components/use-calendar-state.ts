import { useState } from 'react';
import { type CalendarView, daysOf, rangeOf, step } from './calendar-range';

/** Which view and period a calendar page shows, and the API range that covers it. */
export function useCalendarState(initialView: CalendarView) {
  const today = new Date().toLocaleDateString('en-CA');
  const [view, setView] = useState<CalendarView>(initialView);
  const [anchor, setAnchor] = useState(today);
  const days = daysOf(view, anchor);
  return {
    view,
    anchor,
    today,
    days,
    range: rangeOf(days),
    setView,
    step: (direction: 1 | -1) => setAnchor(step(view, anchor, direction)),
    goToday: () => setAnchor(today),
  };
}
