import { ActionIcon, Box, Button, Group, Indicator, Paper, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useClickOutside, useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useFormatters } from '@/lib/i18n/format';
import { useLiveNotifications, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount, type Notification } from '@/features/notifications/api/notifications';

/**
 * The header's bell: the unread count (kept live by the hub), and a panel of the latest notifications (opening one marks it read and follows its
 * link). A plain positioned panel rather than a popover: the shell's initial bundle stays within its budget.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  useLiveNotifications();
  const unread = useUnreadCount().data?.unread ?? 0;
  const feed = useNotifications(opened);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = feed.data?.items ?? [];
  const outside = useClickOutside(close);

  function open(notification: Notification) {
    if (!notification.readAt) markRead.mutate(notification.id);
    close();
    void navigate(notification.link);
  }

  return (
    <Box pos="relative" ref={outside} onKeyDown={(e) => e.key === 'Escape' && close()}>
      <Indicator label={unread} size={18} disabled={unread === 0} offset={4} color="red.8" data-testid="notification-count">
        <ActionIcon
          variant="default"
          size="lg"
          onClick={toggle}
          aria-label={unread > 0 ? t('bell.labelUnread', { count: unread }) : t('bell.label')}
          aria-expanded={opened}
          aria-controls="notification-panel"
        >
          <span aria-hidden="true">🔔</span>
        </ActionIcon>
      </Indicator>
      {opened && (
        <Paper
          id="notification-panel"
          role="region"
          aria-label={t('bell.title')}
          withBorder
          shadow="md"
          p="sm"
          pos="absolute"
          right={0}
          top="calc(100% + 8px)"
          w={360}
          maw="90vw"
          style={{ zIndex: 300 }}
        >
          <Group justify="space-between" mb="xs">
            <Text fw={700}>{t('bell.title')}</Text>
            <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markAll.mutate(items[0]?.createdAt)}>
              {t('bell.markAll')}
            </Button>
          </Group>
          <Box mah={400} style={{ overflowY: 'auto' }}>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('bell.empty')}
              </Text>
            ) : (
              <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {items.map((n) => (
                  <li key={n.id}>
                    <UnstyledButton onClick={() => open(n)} p="xs" w="100%" style={{ borderRadius: 4 }} bg={n.readAt ? undefined : 'var(--mantine-color-blue-light)'}>
                      <Text size="sm" fw={n.readAt ? 400 : 700}>
                        {n.title}
                        {!n.readAt && <VisuallyHidden> ({t('bell.unread')})</VisuallyHidden>}
                      </Text>
                      {n.summary && (
                        <Text size="xs" lineClamp={2}>
                          {n.summary}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed">
                        {format.dateTime(n.createdAt)}
                      </Text>
                    </UnstyledButton>
                  </li>
                ))}
              </Stack>
            )}
          </Box>
        </Paper>
      )}
    </Box>
  );
}
