import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Course, CreateCourseBody, UpdateCourseBody } from '@/features/courses/api/courses';

/** The server's rules for a course (CreateCourse's validator). */
export function courseSchema(t: TFunction<readonly ['courses', 'common']>) {
  return z.object({
    organizationId: z.string().min(1, { error: t('common:validation.required') }),
    title: z
      .string()
      .trim()
      .min(1, { error: t('common:validation.required') })
      .max(200, { error: t('common:validation.maxLength', { max: 200 }) }),
    summary: z.string().trim().max(4000, { error: t('common:validation.maxLength', { max: 4000 }) }),
    language: z
      .string()
      .trim()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: t('common:validation.language') }),
    competencies: z
      .array(
        z.object({
          code: z
            .string()
            .trim()
            .min(1, { error: t('common:validation.required') })
            .max(20, { error: t('common:validation.maxLength', { max: 20 }) }),
          title: z
            .string()
            .trim()
            .min(1, { error: t('common:validation.required') })
            .max(200, { error: t('common:validation.maxLength', { max: 200 }) }),
        }),
      )
      .max(100),
  });
}

export type CourseValues = z.infer<ReturnType<typeof courseSchema>>;

export const courseFields = ['organizationId', 'title', 'summary', 'language', 'competencies'] as const;

export function toCreateCourseBody(values: CourseValues): CreateCourseBody {
  return {
    organizationId: values.organizationId,
    title: values.title.trim(),
    summary: values.summary.trim() || null,
    language: values.language.trim(),
    competencies: values.competencies.map((c) => ({ code: c.code.trim(), title: c.title.trim() })),
  };
}

/** The editable part of a course (UpdateCourse): the create rules plus the publish flag. */
export function courseDetailsSchema(t: TFunction<readonly ['courses', 'common']>) {
  return courseSchema(t).omit({ organizationId: true }).extend({ isPublished: z.boolean() });
}

export type CourseDetailsValues = z.infer<ReturnType<typeof courseDetailsSchema>>;

export const courseDetailsFields = ['title', 'summary', 'language', 'competencies', 'isPublished'] as const;

export function courseToDetails(course: Course): CourseDetailsValues {
  return {
    title: course.title,
    summary: course.summary ?? '',
    language: course.language,
    competencies: course.competencies.map((c) => ({ code: c.code, title: c.title })),
    isPublished: course.isPublished,
  };
}

export function toUpdateCourseBody(values: CourseDetailsValues): UpdateCourseBody {
  return {
    title: values.title.trim(),
    summary: values.summary.trim() || null,
    language: values.language.trim(),
    competencies: values.competencies.map((c) => ({ code: c.code.trim(), title: c.title.trim() })),
    isPublished: values.isPublished,
  };
}
