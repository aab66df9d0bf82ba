import type { TFunction } from 'i18next';
import type { UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '@/lib/api/api-error';

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

const fields = { name: /^name$/i, scopes: /^scopes(\[\d+\])?$/i } as const;

/** The API's messages per field of the form: one scope's (`scopes[1]`) goes under the scope picker with the list's own. */
function fieldMessages(error: unknown): Partial<Record<keyof ApiClientValues, string>> {
  if (!isApiError(error)) return {};
  const messages: Partial<Record<keyof ApiClientValues, string>> = {};
  for (const [field, pattern] of Object.entries(fields) as [keyof ApiClientValues, RegExp][]) {
    const found = Object.entries(error.errors).flatMap(([name, texts]) => (pattern.test(name) ? texts : []));
    if (found.length > 0) messages[field] = found.join(' ');
  }
  return messages;
}

/** Does the API's error belong next to the fields (rather than in an alert above them)? */
export function hasApiClientFieldErrors(error: unknown): boolean {
  return Object.keys(fieldMessages(error)).length > 0;
}

/** Puts the API's field errors next to their fields, focusing the first. */
export function applyApiClientFieldErrors(error: unknown, setError: UseFormSetError<ApiClientValues>) {
  Object.entries(fieldMessages(error)).forEach(([field, message], index) =>
    setError(field as keyof ApiClientValues, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
}
