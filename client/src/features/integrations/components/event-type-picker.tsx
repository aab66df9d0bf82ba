import { Checkbox, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { webhookEventTypes } from '@/features/integrations/api/webhooks';
import { eventTypeKeys } from './event-type-labels';

interface EventTypePickerProps {
  value: string[];
  onChange: (eventTypes: string[]) => void;
  error?: string;
}

/** The event types a webhook receives, each with what sends it and its name on the wire (the receiver's `type`). */
export function EventTypePicker({ value, onChange, error }: EventTypePickerProps) {
  const { t } = useTranslation('integrations');
  return (
    <Checkbox.Group label={t('webhooks.events.label')} description={t('webhooks.events.hint')} value={value} onChange={onChange} error={error} required>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" mt="xs">
        {webhookEventTypes.map((type) => (
          <Checkbox
            key={type}
            value={type}
            label={t(`webhooks.events.${eventTypeKeys[type]}.label`)}
            description={`${t(`webhooks.events.${eventTypeKeys[type]}.description`)} (${type})`}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}
