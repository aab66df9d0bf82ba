import { Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EventTypePicker } from './event-type-picker';
import type { WebhookValues } from './webhook-schema';

/** A webhook's URL, description and event types, as created and as changed. */
export function WebhookFields({ form, autoFocus = false }: { form: UseFormReturn<WebhookValues>; autoFocus?: boolean }) {
  const { t } = useTranslation('integrations');
  const { errors } = form.formState;
  return (
    <Stack>
      <TextInput
        type="url"
        label={t('webhooks.url')}
        description={t('webhooks.urlHint')}
        required
        autoComplete="off"
        spellCheck={false}
        maxLength={2000}
        error={errors.url?.message}
        autoFocus={autoFocus}
        {...form.register('url')}
      />
      <Textarea
        label={t('webhooks.description')}
        description={t('webhooks.descriptionHint')}
        autosize
        minRows={1}
        maxLength={500}
        error={errors.description?.message}
        {...form.register('description')}
      />
      <Controller
        control={form.control}
        name="eventTypes"
        render={({ field }) => <EventTypePicker value={field.value} onChange={field.onChange} error={errors.eventTypes?.message} />}
      />
    </Stack>
  );
}
