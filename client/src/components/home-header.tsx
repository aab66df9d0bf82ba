import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './page-title';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';

export function HomeHeader({ title }: { title: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const format = useFormatters();
  return (
    <Stack gap={4} mb="md">
      <PageTitle>{title}</PageTitle>
      {user && <Text size="lg">{t('home.welcome', { name: user.displayName })}</Text>}
      <Text c="dimmed">{t('home.today', { date: format.longDate(new Date()) })}</Text>
    </Stack>
  );
}
