import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '@/lib/api/api-error';

/** Which of the API's `errors` names go to which field of a form: a list's items (`scopes[1]`) go with the list. */
export type FieldPatterns<T extends FieldValues> = Partial<Record<Path<T>, RegExp>>;

function fieldMessages<T extends FieldValues>(error: unknown, fields: FieldPatterns<T>): [Path<T>, string][] {
  if (!isApiError(error)) return [];
  return (Object.entries(fields) as [Path<T>, RegExp][]).flatMap(([field, pattern]) => {
    const found = Object.entries(error.errors).flatMap(([name, texts]) => (pattern.test(name) ? texts : []));
    return found.length > 0 ? [[field, found.join(' ')] as [Path<T>, string]] : [];
  });
}

/** Does the API's error belong next to the fields (rather than in an alert above them)? */
export function hasFieldErrors<T extends FieldValues>(error: unknown, fields: FieldPatterns<T>): boolean {
  return fieldMessages(error, fields).length > 0;
}

/** Puts the API's field errors next to their fields, focusing the first. */
export function applyFieldErrors<T extends FieldValues>(error: unknown, fields: FieldPatterns<T>, setError: UseFormSetError<T>) {
  fieldMessages(error, fields).forEach(([field, message], index) => setError(field, { type: 'server', message }, { shouldFocus: index === 0 }));
}
