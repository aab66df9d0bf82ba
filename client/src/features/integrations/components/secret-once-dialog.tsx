import { Alert, Button, CopyButton, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SecretField {
  label: string;
  copyLabel: string;
  value: string;
}

interface SecretOnceDialogProps {
  title: string;
  /** What the other system needs (an API client's id and secret, a webhook's secret), each with a copy button. */
  fields: SecretField[];
  /** Forgets them: the caller drops its only copy. */
  onClose: () => void;
}

/**
 * A secret, the one time the API gives it; only "J'ai enregistré le secret" closes it. In the page rather than a Mantine
 * Modal, which would be the app's first and grow the initial JS (one Mantine chunk) past its budget.
 */
export function SecretOnceDialog({ title, fields, onClose }: SecretOnceDialogProps) {
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
          {title}
        </Title>
        <Alert color="orange" variant="light">
          {t('secret.warning')}
        </Alert>
        {fields.map((field) => (
          <CopyableField key={field.label} {...field} />
        ))}
        <Button onClick={onClose} style={{ alignSelf: 'flex-start' }}>
          {t('secret.done')}
        </Button>
      </Stack>
    </Paper>
  );
}

function CopyableField({ label, copyLabel, value }: SecretField) {
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
