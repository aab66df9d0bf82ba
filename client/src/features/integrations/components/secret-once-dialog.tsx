import { Alert, Button, CopyButton, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiClientCredentials } from '@/features/integrations/api/api-clients';

interface SecretOnceDialogProps {
  credentials: ApiClientCredentials;
  /** Forgets them: the caller drops its only copy. */
  onClose: () => void;
}

/**
 * The client id and the secret, the one time the API gives it; only "J'ai enregistré le secret" closes it. In the page
 * rather than a Mantine Modal, which would be the app's first and grow the initial JS (one Mantine chunk) past its budget.
 */
export function SecretOnceDialog({ credentials, onClose }: SecretOnceDialogProps) {
  const { t } = useTranslation('integrations');
  const dialog = useRef<HTMLDivElement>(null);

  // Created from the form or rotated from the list below, the person lands here, and screen readers announce it.
  useEffect(() => {
    dialog.current?.focus();
  }, []);

  return (
    <Paper ref={dialog} withBorder shadow="md" p="md" role="dialog" aria-labelledby="secret-title" tabIndex={-1}>
      <Stack>
        <Title order={2} size="h4" id="secret-title">
          {t('secret.title', { name: credentials.client.name })}
        </Title>
        <Alert color="orange" variant="light">
          {t('secret.warning')}
        </Alert>
        <CopyableField label={t('secret.clientId')} copyLabel={t('secret.copyClientId')} value={credentials.clientId} />
        <CopyableField label={t('secret.secret')} copyLabel={t('secret.copySecret')} value={credentials.clientSecret} />
        <Button onClick={onClose} style={{ alignSelf: 'flex-start' }}>
          {t('secret.done')}
        </Button>
      </Stack>
    </Paper>
  );
}

function CopyableField({ label, copyLabel, value }: { label: string; copyLabel: string; value: string }) {
  const { t } = useTranslation('integrations');
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        spellCheck={false}
        autoComplete="off"
        styles={{ input: { fontFamily: 'monospace' } }}
        style={{ flex: 1 }}
        onFocus={(event) => event.currentTarget.select()}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy} aria-live="polite">
            {copied ? t('secret.copied') : copyLabel}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
