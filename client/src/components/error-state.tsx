import { Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './problem-alert';

/** A failed load with a way to try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Center py="lg">
      <Stack w="100%" maw={560}>
        <ProblemAlert error={error} />
        {onRetry && (
          <Button variant="default" onClick={onRetry} style={{ alignSelf: 'flex-start' }}>
            {t('states.retry')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
