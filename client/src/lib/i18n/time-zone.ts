/** IANA time zones: cohorts display and schedule in their own zone, whatever the viewer's. */

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** Used when the runtime cannot list its zones (older browsers). */
const fallbackZones = [
  'Europe/Paris',
  'Europe/Brussels',
  'Europe/Luxembourg',
  'Europe/Zurich',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Berlin',
  'Africa/Casablanca',
  'Africa/Dakar',
  'Africa/Abidjan',
  'America/Montreal',
  'America/Toronto',
  'America/New_York',
  'America/Martinique',
  'America/Guadeloupe',
  'America/Cayenne',
  'Indian/Reunion',
  'Indian/Mayotte',
  'Pacific/Noumea',
  'Pacific/Tahiti',
  'Asia/Tokyo',
  'UTC',
];

/** Every zone the runtime knows, with the default first. */
export function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  let zones: string[] = fallbackZones;
  try {
    const listed = intl.supportedValuesOf?.('timeZone');
    if (listed && listed.length > 0) zones = listed.includes('UTC') ? listed : [...listed, 'UTC'];
  } catch {
    // keep the fallback
  }
  return [DEFAULT_TIME_ZONE, ...zones.filter((zone) => zone !== DEFAULT_TIME_ZONE)];
}

export function isTimeZone(value: string): boolean {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock parts of `instant` in `timeZone`. */
function partsIn(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Paris in winter: +3 600 000). */
function offsetAt(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A `datetime-local` value (`2027-02-01T09:00`) read as a wall-clock time in `timeZone`, as a UTC
 * ISO string (`2027-02-01T08:00:00.000Z`). A time skipped by a DST change moves forward.
 */
export function zonedLocalToUtc(local: string, timeZone: string): string {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match) throw new RangeError(`Not a local date-time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset around DST changes.
  let guess = wall - offsetAt(new Date(wall), timeZone);
  guess = wall - offsetAt(new Date(guess), timeZone);
  return new Date(guess).toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The `datetime-local` value showing `instant` (ISO string or Date) in `timeZone`. */
export function utcToZonedLocal(instant: string | Date, timeZone: string): string {
  const p = partsIn(new Date(instant), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** `YYYY-MM-DD` of `instant` in `timeZone`. */
export function dateIn(instant: string | Date, timeZone: string): string {
  return utcToZonedLocal(instant, timeZone).slice(0, 10);
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}
