import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useCheckIn, useSession } from '@/features/sessions/api/sessions';

/** /sessions/:sessionId/check-in: one big field for the code shown in the room, made for a phone. */
export function CheckInPage() {
  const { t } = useTranslation('sessions');
  const { sessionId = '' } = useParams();
  const session = useSession(sessionId);
  const checkIn = useCheckIn(sessionId);
  const [code, setCode] = useState('');

  if (session.isPending) return <LoadingState />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  return (
    <Stack maw={420} mx="auto" w="100%">
      <PageTitle>{t('checkIn.pageTitle')}</PageTitle>
      <Text fw={600}>{session.data.title}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          checkIn.mutate(code);
        }}
      >
        <Stack>
          <TextInput
            label={t('checkIn.code')}
            description={t('checkIn.hint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
            maxLength={12}
            autoComplete="one-time-code"
            autoCapitalize="characters"
            spellCheck={false}
            size="xl"
            styles={{ input: { fontSize: '2.5rem', letterSpacing: '0.3em', textAlign: 'center', fontFamily: 'monospace', height: '4.5rem' } }}
            required
          />
          <Button type="submit" size="xl" fullWidth loading={checkIn.isPending} disabled={code.trim().length === 0}>
            {t('checkIn.submit')}
          </Button>
        </Stack>
      </form>
      {checkIn.isError && <ErrorState error={checkIn.error} />}
      {checkIn.isSuccess && (
        <Alert color="green" role="status">
          {t('checkIn.done', { status: t(`status.${checkIn.data.status}`) })}
        </Alert>
      )}
    </Stack>
  );
}
