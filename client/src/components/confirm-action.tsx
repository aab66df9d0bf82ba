import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmActionProps {
  /** The button's text, and its accessible name naming the target. */
  label: string;
  ariaLabel: string;
  /** What confirming does, said before the person confirms. */
  question: string;
  onConfirm: () => void;
  loading?: boolean;
}

/** An action with consequences (remove, suspend, disable, revoke): a first press asks, a second one on "Confirm" does it. */
export function ConfirmAction({ label, ariaLabel, question, onConfirm, loading = false }: ConfirmActionProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);

  // Keyboard users land on the question's answer rather than on the page's start.
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <Button size="xs" variant="light" color="red" aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <Group gap="xs" role="group" aria-label={ariaLabel}>
      <Text size="sm">{question}</Text>
      <Button
        ref={confirm}
        size="xs"
        // Shade 9 keeps white text above 4.5:1 (a shade on a light button would be its background, not its text).
        color="red.9"
        loading={loading}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {t('confirmAction.confirm')}
      </Button>
      <Button size="xs" variant="default" onClick={() => setAsking(false)}>
        {t('confirmAction.cancel')}
      </Button>
    </Group>
  );
}
