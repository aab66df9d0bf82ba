import { FileInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { uploadPercent, type UploadProgress as Progress } from '@/lib/api/upload';
import { useFormatters } from '@/lib/i18n/format';
import { useUploadFile, type UploadedFile } from '@/features/courses/api/files';
import { UploadProgress, type UploadState } from './upload-progress';

/** The API's cap (Files:MaxBytes): refused before sending rather than after 25 MB went up. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

interface UploadFieldProps {
  /** The file already attached (its id), if any. */
  fileId: string;
  fileName: string;
  onUploaded: (file: UploadedFile) => void;
}

/** Picks a file and sends it to POST /files with a progress bar; the activity then refers to its id. */
export function UploadField({ fileId, fileName, onUploaded }: UploadFieldProps) {
  const { t } = useTranslation(['courses', 'common']);
  const format = useFormatters();
  const upload = useUploadFile();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [picked, setPicked] = useState<File | null>(null);
  const [tooBig, setTooBig] = useState(false);

  const state: UploadState = upload.isPending ? 'uploading' : upload.isSuccess ? 'done' : upload.isError ? 'failed' : 'idle';

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
    upload.mutate({ file, onProgress: setProgress }, { onSuccess: onUploaded });
  };

  return (
    <Stack gap="xs">
      <FileInput
        label={t('upload.label')}
        description={t('upload.hint')}
        value={picked}
        onChange={onPick}
        clearable
        clearButtonProps={{ 'aria-label': t('upload.clear') }}
        error={tooBig ? t('upload.tooBig') : undefined}
        disabled={upload.isPending}
      />
      {picked && <UploadProgress fileName={picked.name} percent={uploadPercent(progress)} state={state} />}
      {upload.isError && <ProblemAlert error={upload.error} />}
      {fileId && !picked && (
        <Text size="sm" c="dimmed">
          {fileName ? t('upload.attachedNamed', { name: fileName }) : t('upload.attached')}
        </Text>
      )}
      {upload.isSuccess && (
        <Text size="sm" c="dimmed">
          {t('upload.size', { size: format.number(Math.ceil(upload.data.size / 1024)) })}
        </Text>
      )}
    </Stack>
  );
}
