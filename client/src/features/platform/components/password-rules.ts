import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { isApiError, isProblem } from '@/lib/api/api-error';
import { applyApiFieldErrors } from '@/lib/forms/apply-api-errors';

/** The API's password policy, checked before sending: 8 to 128 characters with a letter and a digit. */
export function newPasswordSchema(t: TFunction<readonly ['platform', 'common']>) {
  return z
    .string()
    .min(8, { error: t('common:validation.passwordLength') })
    .max(128, { error: t('common:validation.maxLength', { max: 128 }) })
    .regex(/\p{L}/u, { error: t('common:validation.passwordLetterDigit') })
    .regex(/\p{Nd}/u, { error: t('common:validation.passwordLetterDigit') });
}

/**
 * Puts the API's answer next to the fields: the problems the UI names itself (a common password, a wrong current
 * password) in the user's language on their field, any other field error as the server wrote it.
 * Returns true when a field took it, so the caller shows no summary.
 */
export function applyPasswordErrors<T extends FieldValues>(
  error: unknown,
  fields: { newPassword: Path<T>; currentPassword?: Path<T> },
  allFields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  t: TFunction<readonly ['platform', 'common']>,
): boolean {
  if (isProblem(error, 'common-password')) {
    setError(fields.newPassword, { type: 'server', message: t('common:problems.common-password') }, { shouldFocus: true });
    return true;
  }
  if (isProblem(error, 'wrong-password') && fields.currentPassword) {
    setError(fields.currentPassword, { type: 'server', message: t('common:problems.wrong-password') }, { shouldFocus: true });
    return true;
  }
  return isApiError(error) && applyApiFieldErrors(error, allFields, setError);
}
