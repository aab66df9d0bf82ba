import { Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's single h1, also used as the document title so screen readers announce navigation. */
export function PageTitle({ children, id }: { children: string; id?: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  return (
    <Title order={1} mb="md" id={id}>
      {children}
    </Title>
  );
}
