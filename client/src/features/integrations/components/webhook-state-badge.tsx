import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const colors = { Enabled: 'green', Paused: 'yellow', DisabledFailing: 'red' } as const;
type WebhookState = keyof typeof colors;

/** Enabled, Paused, or DisabledFailing; a state this UI does not know yet is shown as the API names it. */
export function WebhookStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('integrations');
  const known = Object.hasOwn(colors, state) ? (state as WebhookState) : undefined;
  return (
    <Badge variant="light" color={known ? colors[known] : 'gray'} tt="none">
      {known ? t(`webhooks.state.${known}`) : state}
    </Badge>
  );
}
