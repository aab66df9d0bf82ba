import { useTranslation } from 'react-i18next';

/** Dates and numbers through Intl in the UI's language. */
export function createFormatters(locale: string) {
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full' });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(locale);
  return {
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
