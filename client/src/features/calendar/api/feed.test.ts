import ICAL from 'ical.js';
import feed from './learner-feed.fixture.ics?raw';

/**
 * The .ics as the API writes it, read by an independent parser (ical.js). The fixture is a learner's feed captured from a
 * run of the .NET test CalendarTests.A_learner_feed_holds_their_sessions_and_own_due_date_in_Paris_time_across_the_DST_change
 * (its sessions at 10:00 Paris time on each side of the 28 March 2027 change, one cancelled, one group's in-person day,
 * and the learner's own due date): the API's own tests check the same events with Ical.Net's reader.
 */
describe('the calendar feed', () => {
  const calendar = new ICAL.Component(ICAL.parse(feed) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  const byTitle = (title: string) => events.find((e) => e.summary === title)!;

  it('holds every event once, each with a stable UID, a stamp and a start', () => {
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.uid)).size).toBe(4);
    for (const event of events) {
      expect(event.uid).toMatch(/^[0-9a-f-]{36}(-[0-9a-f-]{36})?@spoc$/);
      expect(event.component.getFirstPropertyValue('dtstamp')).toBeTruthy();
      expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris');
      expect(event.startDate.zone?.tzid).toBe('Europe/Paris');
    }
    expect(feed).not.toContain('meet.example.test');
  });

  it('reads the sessions at 10:00 in Paris on both sides of the summer-time change', () => {
    const winter = byTitle('Classe virtuelle 1');
    expect([winter.startDate.hour, winter.startDate.minute]).toEqual([10, 0]);
    expect(winter.startDate.toJSDate().toISOString()).toBe('2027-03-25T09:00:00.000Z');
    expect(winter.endDate.toJSDate().toISOString()).toBe('2027-03-25T11:00:00.000Z');

    const summer = byTitle('Webinaire annulé');
    expect(summer.startDate.hour).toBe(10);
    expect(summer.startDate.toJSDate().toISOString()).toBe('2027-03-30T08:00:00.000Z');
  });

  it('marks the cancelled session with its status and sequence, and gives the in-person day its place', () => {
    const cancelled = byTitle('Webinaire annulé');
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.sequence).toBe(1);
    expect(byTitle('Classe virtuelle 1').component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byTitle('Atelier Alpha').location).toBe('Campus Nord, B204');
  });

  it('gives the learner their own due date, with a UID of the assignment and the learner', () => {
    const due = byTitle('À rendre : Note de cadrage');
    expect(due.uid).toMatch(/^[0-9a-f-]{36}-[0-9a-f-]{36}@spoc$/);
    expect(due.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(due.component.getFirstPropertyValue('url')).toContain('/assignments/');
  });
});
