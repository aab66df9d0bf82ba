import { Alert, Button, CopyButton, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { useFormatters } from '@/lib/i18n/format';
import { type CalendarSubscription, useCalendarFeed, useSubscribe, useUnsubscribe } from '@/features/calendar/api/calendar';

/**
 * "S'abonner à mon agenda": the secret URL for a calendar app, shown once when made; making a new one (after a warning)
 * stops the old one, as does turning the subscription off.
 */
export function SubscribePanel() {
  const { t } = useTranslation('calendar');
  const format = useFormatters();
  const feed = useCalendarFeed();
  const subscribe = useSubscribe();
  const unsubscribe = useUnsubscribe();
  const [shown, setShown] = useState<CalendarSubscription | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = feed.data?.active ?? false;

  const make = () =>
    subscribe.mutate(undefined, {
      onSuccess: (subscription) => {
        setShown(subscription);
        setConfirming(false);
      },
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="subscribe-title">
      <Title order={2} size="h4" id="subscribe-title" mb="xs">
        {t('subscribe.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('subscribe.explain')}</Text>
        {shown ? (
          <>
            <Group align="end" wrap="nowrap">
              <TextInput label={t('subscribe.url')} value={shown.url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={shown.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} variant={copied ? 'filled' : 'light'}>
                    {copied ? t('subscribe.copied') : t('subscribe.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="xs" c="dimmed">
              {t('subscribe.secret')}
            </Text>
          </>
        ) : (
          active &&
          feed.data?.createdAt && (
            <Text size="sm" c="dimmed">
              {t('subscribe.exists', { date: format.dateTime(feed.data.createdAt) })}
            </Text>
          )
        )}
        {confirming && (
          <Alert color="orange" title={t('subscribe.warningTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('subscribe.warning')}</Text>
              <Group>
                <Button color="orange" onClick={make} loading={subscribe.isPending}>
                  {t('subscribe.confirmRegenerate')}
                </Button>
                <Button variant="default" onClick={() => setConfirming(false)}>
                  {t('subscribe.cancel')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {!confirming && (
          <Group>
            {active || shown ? (
              <Button variant="light" onClick={() => setConfirming(true)}>
                {t('subscribe.regenerate')}
              </Button>
            ) : (
              <Button onClick={make} loading={subscribe.isPending} disabled={feed.isPending}>
                {t('subscribe.create')}
              </Button>
            )}
            {(active || shown) && (
              <Button variant="subtle" color="red" loading={unsubscribe.isPending} onClick={() => unsubscribe.mutate(undefined, { onSuccess: () => setShown(null) })}>
                {t('subscribe.revoke')}
              </Button>
            )}
          </Group>
        )}
        {subscribe.isError && <ProblemAlert error={subscribe.error} />}
        {unsubscribe.isError && <ProblemAlert error={unsubscribe.error} />}
      </Stack>
    </Paper>
  );
}
