import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, setLanguage, type Language } from '@/lib/i18n/i18n';

/** A labelled native select: keyboard and screen-reader friendly, each option named in its own language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (i18n.resolvedLanguage ?? 'fr') as Language;
  return (
    <NativeSelect
      label={t('language.label')}
      size="xs"
      value={current}
      onChange={(event) => void setLanguage(event.currentTarget.value as Language)}
      data={languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
      classNames={{ label: 'language-switch-label' }}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, input: { minWidth: '6rem' } }}
    />
  );
}
