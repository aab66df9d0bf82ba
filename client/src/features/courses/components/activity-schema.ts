import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Activity, ActivityInput, ActivityKind } from '@/features/courses/api/outline';

const kinds = ['Lesson', 'Resource', 'Video', 'Preparation'] as const;

const wholeNumber = (t: TFunction<readonly ['courses', 'common']>, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, { error: t('common:validation.wholeNumber', { min, max }) })
    .refine((value) => Number(value) >= min && Number(value) <= max, { error: t('common:validation.wholeNumber', { min, max }) });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The server's rules for an activity (ActivityInputValidator). Numbers are kept as the inputs' strings. */
export function activitySchema(t: TFunction<readonly ['courses', 'common']>) {
  return z
    .object({
      sectionId: z.string().min(1, { error: t('common:validation.required') }),
      kind: z.enum(kinds),
      title: z
        .string()
        .trim()
        .min(1, { error: t('common:validation.required') })
        .max(200, { error: t('common:validation.maxLength', { max: 200 }) }),
      content: z.string().max(100_000, { error: t('common:validation.maxLength', { max: 100_000 }) }),
      url: z
        .string()
        .trim()
        .max(2000, { error: t('common:validation.maxLength', { max: 2000 }) })
        .refine((value) => value === '' || isHttpUrl(value), { error: t('common:validation.url') }),
      fileId: z.string(),
      fileName: z.string(),
      offsetDays: wholeNumber(t, 0, 730),
      dueOffsetDays: z.string().trim(),
      durationMinutes: wholeNumber(t, 0, 1440),
      competencyCodes: z.array(z.string()).max(50),
    })
    .superRefine((values, context) => {
      if (values.kind === 'Video' && values.url === '') {
        context.addIssue({ code: 'custom', path: ['url'], message: t('activity.videoNeedsUrl') });
      }
      if (values.kind === 'Resource' && values.url === '' && values.fileId === '') {
        context.addIssue({ code: 'custom', path: ['url'], message: t('activity.resourceNeedsUrlOrFile') });
      }
      if (values.dueOffsetDays !== '') {
        const due = Number(values.dueOffsetDays);
        if (!/^\d+$/.test(values.dueOffsetDays) || due > 730) {
          context.addIssue({ code: 'custom', path: ['dueOffsetDays'], message: t('common:validation.wholeNumber', { min: 0, max: 730 }) });
        } else if (due < Number(values.offsetDays)) {
          context.addIssue({ code: 'custom', path: ['dueOffsetDays'], message: t('activity.dueBeforeRelease') });
        }
      }
    });
}

export type ActivityValues = z.infer<ReturnType<typeof activitySchema>>;

export const activityFields = ['sectionId', 'kind', 'title', 'content', 'url', 'offsetDays', 'dueOffsetDays', 'durationMinutes', 'competencyCodes'] as const;

export function emptyActivity(sectionId: string, kind: ActivityKind = 'Lesson'): ActivityValues {
  return {
    sectionId,
    kind,
    title: '',
    content: '',
    url: '',
    fileId: '',
    fileName: '',
    offsetDays: '0',
    dueOffsetDays: '',
    durationMinutes: '30',
    competencyCodes: [],
  };
}

export function activityToValues(activity: Activity): ActivityValues {
  return {
    sectionId: activity.sectionId,
    kind: activity.kind,
    title: activity.title,
    content: activity.contentMarkdown,
    url: activity.url ?? '',
    fileId: activity.fileId ?? '',
    fileName: '',
    offsetDays: String(activity.offsetDays),
    dueOffsetDays: activity.dueOffsetDays === null || activity.dueOffsetDays === undefined ? '' : String(activity.dueOffsetDays),
    durationMinutes: String(activity.durationMinutes),
    competencyCodes: [...activity.competencyCodes],
  };
}

/** The request body; a file only for resources, a link only where it means something. */
export function toActivityInput(values: ActivityValues, position?: number): ActivityInput {
  const url = values.url.trim();
  return {
    sectionId: values.sectionId,
    kind: values.kind,
    title: values.title.trim(),
    content: values.content,
    url: url === '' ? null : url,
    fileId: values.kind === 'Resource' && values.fileId !== '' ? values.fileId : null,
    position: position ?? null,
    offsetDays: Number(values.offsetDays),
    dueOffsetDays: values.dueOffsetDays.trim() === '' ? null : Number(values.dueOffsetDays),
    durationMinutes: Number(values.durationMinutes),
    competencyCodes: values.competencyCodes,
  };
}
