import { Button, FileInput, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { uploadPercent, type UploadProgress } from '@/lib/api/upload';
import { useUploadFile } from '@/lib/api/use-upload-file';
import { useFormatters } from '@/lib/i18n/format';

/** The API's cap (Files:MaxBytes): refused before sending rather than after 25 MB went up. */
const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** Picks a file, sends it to POST /files with a progress bar, then hands its id in (or none, when the file is `optional`). */
export function FileSubmission({
  pending,
  onSubmit,
  optional = false,
  submitLabel,
}: {
  pending: boolean;
  onSubmit: (fileIds: string[]) => void;
  optional?: boolean;
  submitLabel?: string;
}) {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  const upload = useUploadFile();
  const [picked, setPicked] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [tooBig, setTooBig] = useState(false);

  const onPick = (file: File | null) => {
    setPicked(file);
    setProgress(null);
    upload.reset();
    setTooBig(false);
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setTooBig(true);
      return;
    }
    upload.mutate({ file, onProgress: setProgress });
  };

  const percent = upload.isSuccess ? 100 : uploadPercent(progress);
  const status = !picked
    ? null
    : upload.isSuccess
      ? t('file.done', { name: picked.name })
      : upload.isError
        ? t('file.failed', { name: picked.name })
        : upload.isPending
          ? t('file.uploading', { name: picked.name, percent: format.number(percent) })
          : null;

  return (
    <Stack gap="sm">
      <FileInput
        label={t('file.label')}
        description={t('file.hint')}
        value={picked}
        onChange={onPick}
        clearable
        clearButtonProps={{ 'aria-label': t('file.clear') }}
        error={tooBig ? t('file.tooBig') : undefined}
        disabled={upload.isPending || pending}
      />
      {status && (
        <Stack gap={4}>
          <Text size="sm" role="status" aria-live="polite">
            {status}
          </Text>
          <Progress.Root>
            <Progress.Section
              value={percent}
              color={upload.isError ? 'red' : upload.isSuccess ? 'green' : undefined}
              striped={upload.isPending}
              animated={upload.isPending}
              aria-label={t('file.progressLabel', { name: picked?.name ?? '' })}
              data-testid="upload-progress"
            />
          </Progress.Root>
        </Stack>
      )}
      {upload.isError && <ProblemAlert error={upload.error} />}
      <Button
        disabled={!upload.isSuccess && !(optional && !picked)}
        loading={pending}
        onClick={() => onSubmit(upload.data ? [upload.data.fileId] : [])}
        style={{ alignSelf: 'flex-start' }}
      >
        {submitLabel ?? t('file.submit')}
      </Button>
    </Stack>
  );
}
