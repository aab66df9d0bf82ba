import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { FieldPatterns } from './form-field-errors';

/**
 * The server's rules for a webhook's URL, description and event types (WebhookDefinitionValidator). Whether the URL is
 * acceptable (https, a public address) only the server can tell: it answers why not, shown on the field.
 */
export function webhookSchema(t: TFunction<readonly ['integrations', 'common']>) {
  return z.object({
    url: z
      .string()
      .trim()
      .min(1, { error: t('common:validation.required') })
      .max(2000, { error: t('common:validation.maxLength', { max: 2000 }) }),
    description: z
      .string()
      .trim()
      .max(500, { error: t('common:validation.maxLength', { max: 500 }) }),
    eventTypes: z.array(z.string()).min(1, { error: t('webhooks.eventsRequired') }),
  });
}

export type WebhookValues = z.infer<ReturnType<typeof webhookSchema>>;

/** The API's field names: one event type's (`eventTypes[1]`) goes under the picker with the list's own. */
export const webhookFields: FieldPatterns<WebhookValues> = { url: /^url$/i, description: /^description$/i, eventTypes: /^eventTypes(\[\d+\])?$/i };
