import { Button, Group, NativeSelect, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { type ApiClientCredentials, type OrganizationApiClient, useRotateApiClientSecret } from '@/features/integrations/api/api-clients';

/** How long the previous secret keeps working, in hours: at once (after a leak) up to the API's most, a week. */
const overlaps = { now: 0, hour: 1, day: 24, week: 168 } as const;
type Overlap = keyof typeof overlaps;

interface RotateSecretActionProps {
  organizationId: string;
  client: OrganizationApiClient;
  /** Receives the new secret, to show it once. */
  onRotated: (credentials: ApiClientCredentials) => void;
}

/** "Renouveler le secret": a first press asks when the previous secret should stop, a second one rotates. */
export function RotateSecretAction({ organizationId, client, onRotated }: RotateSecretActionProps) {
  const { t } = useTranslation('integrations');
  const rotate = useRotateApiClientSecret(organizationId);
  const [asking, setAsking] = useState(false);
  const [overlap, setOverlap] = useState<Overlap>('day');
  const name = t('rotate.actionNamed', { name: client.name });

  if (!asking) {
    return (
      <Button size="xs" variant="light" aria-label={name} onClick={() => setAsking(true)}>
        {t('rotate.action')}
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rotate.mutate(
      { client, overlapHours: overlaps[overlap] },
      {
        onSuccess: (credentials) => {
          onRotated(credentials);
          // The page holds the secret now: the mutation lets go of it (and, its gcTime 0, leaves the cache).
          rotate.reset();
          setAsking(false);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={name}>
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
          <Button size="xs" type="submit" loading={rotate.isPending}>
            {t('rotate.submit')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setAsking(false)}>
            {t('rotate.cancel')}
          </Button>
        </Group>
        {rotate.isError && <ProblemAlert error={rotate.error} />}
      </Stack>
    </form>
  );
}
