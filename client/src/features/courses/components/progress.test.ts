import { describe, expect, it } from 'vitest';
import { activityRates, completionIndex, completionsOverTime, percentOf, sectionBands, sectionProgress } from './progress';

describe('progress computations', () => {
  it('rounds percentages and gives 0 when there is nothing to do', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(4, 4)).toBe(100);
  });

  it('counts activities done per section, in schedule order', () => {
    const sections = sectionProgress([
      { sectionId: 's1', sectionTitle: 'Semaine 1', completedAt: '2027-03-01T10:00:00Z' },
      { sectionId: 's1', sectionTitle: 'Semaine 1', completedAt: null },
      { sectionId: 's2', sectionTitle: 'Semaine 2' },
      { sectionId: 's1', sectionTitle: 'Semaine 1', completedAt: '2027-03-02T10:00:00Z' },
    ]);
    expect(sections).toEqual([
      { sectionId: 's1', title: 'Semaine 1', done: 2, total: 3, percent: 67 },
      { sectionId: 's2', title: 'Semaine 2', done: 0, total: 1, percent: 0 },
    ]);
  });

  it('groups completions by day in the cohort zone, with a running total', () => {
    // 23:30 UTC on 1 March is 00:30 on 2 March in Paris (UTC+1 in winter).
    const points = completionsOverTime(
      ['2027-03-01T23:30:00Z', '2027-03-01T10:00:00Z', null, '2027-03-03T08:00:00Z', '2027-03-02T07:00:00Z'],
      'Europe/Paris',
    );
    expect(points).toEqual([
      { day: '2027-03-01', count: 1, cumulative: 1 },
      { day: '2027-03-02', count: 2, cumulative: 3 },
      { day: '2027-03-03', count: 1, cumulative: 4 },
    ]);
    expect(completionsOverTime(['2027-03-01T23:30:00Z'], 'UTC')).toEqual([{ day: '2027-03-01', count: 1, cumulative: 1 }]);
    expect(completionsOverTime([], 'UTC')).toEqual([]);
  });

  it('indexes the matrix cells and rates each activity among active learners', () => {
    // Compact rows: column indexes and Unix seconds (1803895200 = 2027-03-01T10:00:00Z).
    const rows = [
      { userId: 'u1', withdrawn: false, done: [0], doneAt: [1803895200] },
      { userId: 'u2', withdrawn: false, done: [], doneAt: [] },
      { userId: 'u3', withdrawn: true, done: [0], doneAt: [1803898800] },
    ];
    const index = completionIndex(['a1', 'a2'], rows);
    expect(index.get('u1')?.get('a1')).toBe('2027-03-01T10:00:00.000Z');
    expect(index.get('u2')?.get('a1')).toBeUndefined();
    expect(index.get('u1')?.get('a2')).toBeUndefined();
    const rates = activityRates(['a1', 'a2'], rows);
    expect(rates.get('a1')).toBe(50);
    expect(rates.get('a2')).toBe(0);
  });
});

describe('sectionBands', () => {
  it('puts one header over each run of a section, with its first column and span', () => {
    const a = { sectionId: 's1', sectionTitle: 'Semaine 1 : les fondations du projet' };
    const b = { sectionId: 's2', sectionTitle: 'Semaine 2' };
    expect(sectionBands([a, a, a, b, b])).toEqual([
      { sectionId: 's1', title: a.sectionTitle, first: 0, span: 3 },
      { sectionId: 's2', title: 'Semaine 2', first: 3, span: 2 },
    ]);
    expect(sectionBands([])).toEqual([]);
  });
});
