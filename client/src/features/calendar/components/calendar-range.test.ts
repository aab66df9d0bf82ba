import { dayIn, daysOf, rangeOf } from './calendar-range';

describe('calendar days', () => {
  it('puts an instant on its day in the cohort’s zone, not the browser’s', () => {
    expect(dayIn('2027-03-29T22:30:00Z', 'Europe/Paris')).toBe('2027-03-30');
    expect(dayIn('2027-03-29T22:30:00Z', 'America/Martinique')).toBe('2027-03-29');
  });

  it('shows six weeks from a Monday for a month, a week from its Monday, four weeks from it for a list', () => {
    const month = daysOf('month', '2027-03-17');
    expect([month.length, month[0], month[41]]).toEqual([42, '2027-03-01', '2027-04-11']);
    expect(daysOf('week', '2027-03-31')).toEqual(['2027-03-29', '2027-03-30', '2027-03-31', '2027-04-01', '2027-04-02', '2027-04-03', '2027-04-04']);
    expect(daysOf('list', '2027-02-10').filter((_, i) => i % 27 === 0)).toEqual(['2027-02-08', '2027-03-07']);
    expect(rangeOf(month)).toEqual({ from: '2027-02-28T00:00:00Z', to: '2027-04-13T00:00:00Z' });
  });
});
