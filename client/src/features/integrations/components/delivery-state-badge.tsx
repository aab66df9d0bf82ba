import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryState } from '@/features/integrations/api/webhooks';

const colors = { Pending: 'gray', Sending: 'blue', Succeeded: 'green', Failed: 'red' } as const satisfies Record<DeliveryState, string>;

/** Pending, Sending, Succeeded or Failed; a state this UI does not know yet is shown as the API names it. */
export function DeliveryStateBadge({ state }: { state: string }) {
  const { t } = useTranslation('integrations');
  const known = Object.hasOwn(colors, state) ? (state as DeliveryState) : undefined;
  return (
    <Badge variant="light" color={known ? colors[known] : 'gray'} tt="none">
      {known ? t(`webhooks.deliveryState.${known}`) : state}
    </Badge>
  );
}
