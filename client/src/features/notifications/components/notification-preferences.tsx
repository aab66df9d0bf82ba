import { Button, Checkbox, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/components/loading-state';
import { ProblemAlert } from '@/components/problem-alert';
import {
  useNotificationPreferences,
  useUpdateNotificationPreferences,
  type NotificationChannel,
  type NotificationKind,
  type NotificationPreferences as Preferences,
} from '@/features/notifications/api/notifications';

const channels: NotificationChannel[] = ['InApp', 'Email', 'Both', 'None'];

/** The profile's section: where each kind of notification reaches the user, and the daily digest. */
export function NotificationPreferences() {
  const { t } = useTranslation('notifications');
  const preferences = useNotificationPreferences();
  const save = useUpdateNotificationPreferences();

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="notification-preferences">
      <Title order={2} size="h3" id="notification-preferences" mb="sm">
        {t('preferences.title')}
      </Title>
      {preferences.isPending ? (
        <LoadingState />
      ) : preferences.error ? (
        <ProblemAlert error={preferences.error} />
      ) : (
        <PreferencesForm key={preferences.data.etag} saved={preferences.data} save={save} />
      )}
      {save.isSuccess && (
        <Text size="sm" fw={500} role="status" mt="sm">
          {t('preferences.saved')}
        </Text>
      )}
    </Paper>
  );
}

/** Starts from the saved preferences; a new version (after saving) starts a new form. */
function PreferencesForm({ saved, save }: { saved: Preferences; save: ReturnType<typeof useUpdateNotificationPreferences> }) {
  const { t } = useTranslation('notifications');
  const [choices, setChoices] = useState(() => Object.fromEntries(saved.channels.map((c) => [c.kind, c.channel])) as Record<NotificationKind, NotificationChannel>);
  const [digest, setDigest] = useState(saved.dailyDigest);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ etag: saved.etag, body: { dailyDigest: digest, channels: saved.channels.map((c) => ({ kind: c.kind, channel: choices[c.kind] })) } });
      }}
    >
      <Stack>
        <Text size="sm">{t('preferences.intro')}</Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('preferences.kind')}</Table.Th>
              <Table.Th>{t('preferences.channel')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {saved.channels.map((c) => (
              <Table.Tr key={c.kind}>
                <Table.Td>{t(`kind.${c.kind}`)}</Table.Td>
                <Table.Td>
                  <NativeSelect
                    aria-label={t(`kind.${c.kind}`)}
                    data={channels.filter((ch) => ch !== 'None' || !c.essential).map((ch) => ({ value: ch, label: t(`channel.${ch}`) }))}
                    value={choices[c.kind]}
                    onChange={(e) => {
                      const value = e.currentTarget.value as NotificationChannel;
                      setChoices((old) => ({ ...old, [c.kind]: value }));
                    }}
                    size="xs"
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Checkbox label={t('preferences.digest')} checked={digest} onChange={(e) => setDigest(e.currentTarget.checked)} />
        {save.error && <ProblemAlert error={save.error} />}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t('preferences.save')}
        </Button>
      </Stack>
    </form>
  );
}
