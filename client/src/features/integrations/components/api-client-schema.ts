import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { FieldPatterns } from './form-field-errors';

/** The server's rules for a client's name and scopes (ApiClientDefinitionValidator), at creation and when changing it. */
export function apiClientSchema(t: TFunction<readonly ['integrations', 'common']>) {
  return z.object({
    name: z
      .string()
      .trim()
      .min(1, { error: t('common:validation.required') })
      .max(100, { error: t('common:validation.maxLength', { max: 100 }) }),
    scopes: z.array(z.string()).min(1, { error: t('scopesRequired') }),
  });
}

export type ApiClientValues = z.infer<ReturnType<typeof apiClientSchema>>;

/** The API's field names: one scope's (`scopes[1]`) goes under the scope picker with the list's own. */
export const apiClientFields: FieldPatterns<ApiClientValues> = { name: /^name$/i, scopes: /^scopes(\[\d+\])?$/i };
