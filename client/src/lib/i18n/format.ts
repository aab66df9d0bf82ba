import { useTranslation } from 'react-i18next';

/** Dates and numbers through Intl in the UI's language. */
export function createFormatters(locale: string) {
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  // A calendar day (`YYYY-MM-DD`) is the same day everywhere: format it at UTC midnight, in UTC.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const zoned = new Map<string, Intl.DateTimeFormat>();
  const zonedFormat = (timeZone: string) => {
    let format = zoned.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      });
      zoned.set(timeZone, format);
    }
    return format;
  };
  return {
    /** A date without time (`2027-02-01`), e.g. a cohort's start. */
    day: (value: string) => day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
    /** An instant shown in a given IANA zone (the cohort's), with the zone's name. */
    dateTimeIn: (value: Date | string, timeZone: string) => zonedFormat(timeZone).format(new Date(value)),
    longDate: (value: Date | string) => longDate.format(new Date(value)),
    date: (value: Date | string) => date.format(new Date(value)),
    dateTime: (value: Date | string) => dateTime.format(new Date(value)),
    number: (value: number) => number.format(value),
  };
}

export function useFormatters() {
  const { i18n } = useTranslation();
  return createFormatters(i18n.resolvedLanguage ?? i18n.language);
}
