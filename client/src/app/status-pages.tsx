import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '@/components/page-title';

function StatusPage({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm">
      <PageTitle>{title}</PageTitle>
      <Text>{body}</Text>
      <Button component={Link} to="/">
        {t('errors.backHome')}
      </Button>
    </Stack>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('errors.forbiddenTitle')} body={t('errors.forbiddenBody')} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('errors.notFoundTitle')} body={t('errors.notFoundBody')} />;
}
