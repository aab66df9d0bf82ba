import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';

/** How long the previous secret keeps working, in hours: at once (after a leak) up to the API's most, a week. */
const overlaps = { now: 0, hour: 1, day: 24, week: 168 } as const;
type Overlap = keyof typeof overlaps;

interface RotateSecretActionProps {
  /** What has the secret (an API client, a webhook), for the action's accessible name. */
  name: string;
  pending: boolean;
  error: unknown;
  /** Rotates, the previous secret working `overlapHours` more; `done` closes the question once the new secret is shown. */
  onRotate: (overlapHours: number, done: () => void) => void;
}

/** "Renouveler le secret": a first press asks when the previous secret should stop, a second one rotates. */
export function RotateSecretAction({ name, pending, error, onRotate }: RotateSecretActionProps) {
  const { t } = useTranslation('integrations');
  const [asking, setAsking] = useState(false);
  const [overlap, setOverlap] = useState<Overlap>('day');
  const label = t('rotate.actionNamed', { name });

  if (!asking) {
    return (
      <Button size="xs" variant="light" aria-label={label} onClick={() => setAsking(true)}>
        {t('rotate.action')}
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRotate(overlaps[overlap], () => setAsking(false));
  };
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="xs">
        <NativeSelect
          size="xs"
          label={t('rotate.overlap')}
          description={t('rotate.overlapHint')}
          value={overlap}
          onChange={(event) => setOverlap(event.currentTarget.value as Overlap)}
          data={(Object.keys(overlaps) as Overlap[]).map((value) => ({ value, label: t(`rotate.overlaps.${value}`) }))}
          // Keyboard users land on the question rather than on the page's start.
          autoFocus
        />
        <Group gap="xs">
          <Button size="xs" type="submit" loading={pending}>
            {t('rotate.submit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setAsking(false)}>
            {t('rotate.cancel')}
          </Button>
        </Group>
        {error != null && <ProblemAlert error={error} />}
      </Stack>
    </form>
  );
}
