import { Anchor, Box, Container, Group, Stack, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitch } from '@/components/language-switch';
import { LoadingState } from '@/components/loading-state';

/** Frame of the sign-in and register pages. */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0">
      <Container size="xs" py="xl">
        <Stack gap="lg">
          <Group justify="space-between" component="header">
            <Stack gap={0}>
              <Anchor component={Link} to="/" fw={700} fz="xl" underline="never">
                {t('app.name')}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('app.tagline')}
              </Text>
            </Stack>
            <LanguageSwitch />
          </Group>
          <main id="main-content">
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </main>
        </Stack>
      </Container>
    </Box>
  );
}
