import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ApiError } from '@/lib/api/api-error';

/**
 * Puts the API's field errors next to their fields. Returns true when at least one field got a
 * message, so the caller can skip a redundant summary.
 */
export function applyApiFieldErrors<T extends FieldValues>(
  error: ApiError,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  let applied = false;
  for (const field of fields) {
    const messages = error.fieldErrors(field);
    if (messages.length > 0) {
      setError(field, { type: 'server', message: messages.join(' ') }, { shouldFocus: !applied });
      applied = true;
    }
  }
  return applied;
}
