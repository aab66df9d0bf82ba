import { Anchor, AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router-dom';
import { LanguageSwitch } from '@/components/language-switch';
import { LoadingState } from '@/components/loading-state';
import { useSession } from '@/lib/auth/session-context';
import { navigationFor } from './navigation';

// Its own chunk: the header renders before the bell's code (and its queries) arrive.
const NotificationBell = lazy(() =>
  import('@/features/notifications/components/notification-bell').then((m) => ({ default: m.NotificationBell })),
);

/** The signed-in frame: header (brand, language, user, sign out), role-aware navigation, main content. */
export function ShellLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = navigationFor(session.roles);

  // After an in-app navigation, move focus to the main region so keyboard and screen-reader users
  // start at the new page's content (not on the first load: the browser handles that).
  const main = useRef<HTMLElement>(null);
  const previousPath = useRef(location.pathname);
  useEffect(() => {
    if (previousPath.current === location.pathname) return;
    previousPath.current = location.pathname;
    main.current?.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <Anchor href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header component="header">
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-controls="main-navigation"
              aria-expanded={opened}
            />
            <Anchor component={Link} to="/" fw={700} fz="xl" underline="never">
              {t('app.name')}
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <LanguageSwitch />
            {session.user && (
              <Text size="sm" visibleFrom="md" px="xs" data-testid="signed-in-user">
                {session.user.displayName}
              </Text>
            )}
            <Button variant="default" size="xs" onClick={() => void session.signOut()}>
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" component="nav" id="main-navigation" aria-label={t('nav.main')}>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <li key={item.to}>
              <NavLink
                component={RouterNavLink}
                to={item.to}
                label={t(item.labelKey)}
                active={location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)}
                onClick={close}
              />
            </li>
          ))}
        </ul>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} ref={main} style={{ outline: 'none' }}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
