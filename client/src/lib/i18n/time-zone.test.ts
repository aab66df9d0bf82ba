import { describe, expect, it } from 'vitest';
import { createFormatters } from './format';
import { addDays, dateIn, isTimeZone, timeZones, utcToZonedLocal, zonedLocalToUtc } from './time-zone';

describe('time zones', () => {
  it('read a wall-clock time in the cohort zone as UTC, in winter and in summer', () => {
    expect(zonedLocalToUtc('2027-02-01T09:00', 'Europe/Paris')).toBe('2027-02-01T08:00:00.000Z');
    expect(zonedLocalToUtc('2027-07-01T09:00', 'Europe/Paris')).toBe('2027-07-01T07:00:00.000Z');
    expect(zonedLocalToUtc('2027-02-01T09:00', 'America/Montreal')).toBe('2027-02-01T14:00:00.000Z');
    expect(zonedLocalToUtc('2027-02-01T09:00', 'UTC')).toBe('2027-02-01T09:00:00.000Z');
  });

  it('cross the day boundary and the DST change', () => {
    expect(zonedLocalToUtc('2027-03-01T00:30', 'Pacific/Noumea')).toBe('2027-02-28T13:30:00.000Z');
    // 28 March 2027, Paris: clocks jump from 02:00 to 03:00 (UTC+1 to UTC+2).
    expect(zonedLocalToUtc('2027-03-28T03:30', 'Europe/Paris')).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedLocalToUtc('2027-03-28T01:30', 'Europe/Paris')).toBe('2027-03-28T00:30:00.000Z');
  });

  it('show an instant as the input value in the zone, and back', () => {
    expect(utcToZonedLocal('2027-02-01T08:00:00Z', 'Europe/Paris')).toBe('2027-02-01T09:00');
    expect(utcToZonedLocal(zonedLocalToUtc('2027-10-31T23:45', 'Europe/Paris'), 'Europe/Paris')).toBe('2027-10-31T23:45');
    expect(dateIn('2027-02-28T23:30:00Z', 'Europe/Paris')).toBe('2027-03-01');
  });

  it('add calendar days', () => {
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('list the zones with Europe/Paris first and recognise real ones', () => {
    const zones = timeZones();
    expect(zones[0]).toBe('Europe/Paris');
    expect(zones).toContain('America/Toronto');
    expect(zones.filter((zone) => zone === 'Europe/Paris')).toHaveLength(1);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('format a cohort day the same everywhere and an instant in the cohort zone', () => {
    expect(createFormatters('fr').day('2027-03-01')).toBe('1 mars 2027');
    expect(createFormatters('en').day('2027-03-01')).toBe('Mar 1, 2027');
    expect(createFormatters('fr').dateTimeIn('2027-02-20T17:00:00Z', 'Europe/Paris')).toMatch(/20 févr\. 2027.*18:00.*UTC\+1/);
  });
});
