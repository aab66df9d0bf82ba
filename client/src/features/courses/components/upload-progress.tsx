import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';

export type UploadState = 'idle' | 'uploading' | 'done' | 'failed';

interface UploadProgressProps {
  fileName: string;
  /** 0..100 */
  percent: number;
  state: UploadState;
}

/** A labelled progress bar for one upload, announced politely as it moves. */
export function UploadProgress({ fileName, percent, state }: UploadProgressProps) {
  const { t } = useTranslation(['courses', 'common']);
  const format = useFormatters();
  if (state === 'idle') return null;
  const label =
    state === 'done'
      ? t('upload.done', { name: fileName })
      : state === 'failed'
        ? t('upload.failed', { name: fileName })
        : t('upload.uploading', { name: fileName, percent: format.number(percent) });
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" id="upload-progress-label" role="status" aria-live="polite">
          {label}
        </Text>
      </Group>
      <Progress.Root>
        <Progress.Section
          value={state === 'done' ? 100 : percent}
          color={state === 'failed' ? 'red' : state === 'done' ? 'green' : undefined}
          striped={state === 'uploading'}
          animated={state === 'uploading'}
          aria-label={t('upload.progressLabel', { name: fileName })}
          data-testid="upload-progress"
        />
      </Progress.Root>
    </Stack>
  );
}
