import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Pacing, PacingBody } from '@/features/courses/api/pacing';

const days = (t: TFunction<readonly ['courses', 'common']>) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, { error: t('common:validation.wholeNumber', { min: -60, max: 365 }) })
    .refine((value) => Number(value) >= -60 && Number(value) <= 365, { error: t('common:validation.wholeNumber', { min: -60, max: 365 }) });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** SetPacing's rules: shifts of -60..365 days (200 at most), 50 extra resources with a title. */
export function pacingSchema(t: TFunction<readonly ['courses', 'common']>) {
  return z.object({
    shiftAll: days(t),
    shifts: z
      .array(z.object({ activityId: z.string().min(1, { error: t('common:validation.required') }), days: days(t) }))
      .max(200)
      .superRefine((shifts, context) => {
        const seen = new Set<string>();
        shifts.forEach((shift, index) => {
          if (shift.activityId && seen.has(shift.activityId)) {
            context.addIssue({ code: 'custom', path: [index, 'activityId'], message: t('pacing.duplicateActivity') });
          }
          seen.add(shift.activityId);
        });
      }),
    extras: z
      .array(
        z.object({
          title: z
            .string()
            .trim()
            .min(1, { error: t('common:validation.required') })
            .max(200, { error: t('common:validation.maxLength', { max: 200 }) }),
          url: z
            .string()
            .trim()
            .max(2000, { error: t('common:validation.maxLength', { max: 2000 }) })
            .refine((value) => value === '' || isHttpUrl(value), { error: t('common:validation.url') }),
          content: z.string().max(20_000, { error: t('common:validation.maxLength', { max: 20_000 }) }),
        }),
      )
      .max(50),
  });
}

export type PacingValues = z.infer<ReturnType<typeof pacingSchema>>;

/** The stored pacing as form values: the shift without an activity is "every activity", the others per activity. */
export function pacingToValues(pacing: Pacing): PacingValues {
  return {
    shiftAll: String(pacing.shifts.filter((shift) => !shift.activityId).reduce((sum, shift) => sum + shift.days, 0)),
    shifts: pacing.shifts
      .filter((shift) => shift.activityId)
      .map((shift) => ({ activityId: shift.activityId ?? '', days: String(shift.days) })),
    extras: pacing.extraResources.map((extra) => ({ title: extra.title, url: extra.url ?? '', content: extra.content ?? '' })),
  };
}

export function toPacingBody(values: PacingValues): PacingBody {
  const all = Number(values.shiftAll);
  return {
    shifts: [
      ...(all !== 0 ? [{ activityId: null, days: all }] : []),
      ...values.shifts.filter((shift) => Number(shift.days) !== 0).map((shift) => ({ activityId: shift.activityId, days: Number(shift.days) })),
    ],
    extraResources: values.extras.map((extra) => ({
      title: extra.title.trim(),
      url: extra.url.trim() === '' ? null : extra.url.trim(),
      content: extra.content.trim() === '' ? null : extra.content,
    })),
  };
}
