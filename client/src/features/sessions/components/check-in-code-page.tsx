import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { useIssueCheckInCode, useSession } from '@/features/sessions/api/sessions';

/** /sessions/:sessionId/code: the check-in code in very large type, for the room's screen; staff rotate it at will. */
export function CheckInCodePage() {
  const { t } = useTranslation('sessions');
  const format = useFormatters();
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  const issue = useIssueCheckInCode(sessionId);

  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const code = issue.data?.code ?? s.checkInCode;
  return (
    <Stack align="center" gap="lg">
      <PageTitle>{t('code.pageTitle')}</PageTitle>
      <Text fw={600} size="xl">
        {s.title}
      </Text>
      {code ? (
        <Text
          aria-label={t('code.label')}
          role="status"
          ff="monospace"
          fw={700}
          style={{ fontSize: 'clamp(3rem, 14vw, 10rem)', letterSpacing: '0.15em', lineHeight: 1.1 }}
        >
          {code}
        </Text>
      ) : (
        <Text c="dimmed">{t('code.none')}</Text>
      )}
      <Text size="lg">{t('code.where', { title: s.title })}</Text>
      <Text c="dimmed">
        {t('code.window', {
          from: format.dateTimeIn(new Date(Date.parse(s.joinOpensAt)), s.timeZone),
          to: format.dateTimeIn(s.endsAt, s.timeZone),
        })}
      </Text>
      {issue.isError && <ErrorState error={issue.error} />}
      <Button size="lg" onClick={() => issue.mutate(undefined)} loading={issue.isPending}>
        {code ? t('code.rotate') : t('code.show')}
      </Button>
    </Stack>
  );
}
