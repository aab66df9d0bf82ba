import type { TFunction } from 'i18next';
import { z } from 'zod';
import { addDays, DEFAULT_TIME_ZONE, isTimeZone, utcToZonedLocal, zonedLocalToUtc } from '@/lib/i18n/time-zone';
import type { AdmissionMode, Cohort, CreateCohortBody, UpdateCohortBody } from '@/features/cohorts/api/cohorts';

export const MAX_CAPACITY = 200;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/**
 * The cohort form, as typed (strings from the inputs), with the server's rules (CohortSettingsValidator):
 * capacity 1..200, the cohort ends after it starts, applications close after they open and on or before
 * the start date. Window times are wall-clock times in the cohort's time zone; only a cohort learners apply to
 * (`Application`) has a window, the others (organisation enrolment, invitation) none.
 */
export function cohortSchema(t: TFunction<readonly ['cohorts', 'common']>) {
  return z
    .object({
      courseId: z.string().min(1, { error: t('common:validation.required') }),
      title: z
        .string()
        .trim()
        .min(1, { error: t('common:validation.required') })
        .max(200, { error: t('common:validation.maxLength', { max: 200 }) }),
      capacity: z
        .string()
        .trim()
        .refine((value) => /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_CAPACITY, {
          error: t('common:validation.capacity'),
        }),
      startsOn: z.string().regex(DATE, { error: t('common:validation.date') }),
      endsOn: z.string().regex(DATE, { error: t('common:validation.date') }),
      applicationsOpenAt: z.string(),
      applicationsCloseAt: z.string(),
      admissionMode: z.enum(['Application', 'InviteOnly', 'OrganizationEnrollment']),
      organizationIds: z.array(z.string()),
      /** Empty: the creator becomes the cohort's trainer. */
      trainerId: z.string(),
      timeZone: z.string().refine(isTimeZone, { error: t('common:validation.timeZone') }),
    })
    .superRefine((values, context) => {
      if (DATE.test(values.startsOn) && DATE.test(values.endsOn) && values.endsOn <= values.startsOn) {
        context.addIssue({ code: 'custom', path: ['endsOn'], message: t('common:validation.endAfterStart') });
      }
      if (!hasApplicationWindow(values.admissionMode)) return;
      for (const field of ['applicationsOpenAt', 'applicationsCloseAt'] as const) {
        if (!LOCAL_DATE_TIME.test(values[field])) context.addIssue({ code: 'custom', path: [field], message: t('common:validation.dateTime') });
      }
      const open = LOCAL_DATE_TIME.test(values.applicationsOpenAt);
      const close = LOCAL_DATE_TIME.test(values.applicationsCloseAt);
      if (open && close && values.applicationsCloseAt <= values.applicationsOpenAt) {
        context.addIssue({ code: 'custom', path: ['applicationsCloseAt'], message: t('common:validation.closeAfterOpen') });
      } else if (close && DATE.test(values.startsOn) && values.applicationsCloseAt.slice(0, 10) > values.startsOn) {
        context.addIssue({ code: 'custom', path: ['applicationsCloseAt'], message: t('common:validation.closeBeforeStart') });
      }
    });
}

/** Only learners who apply need an application window; organisation-enrolment and invite-only cohorts have none. */
export function hasApplicationWindow(mode: AdmissionMode): boolean {
  return mode === 'Application';
}

export type CohortValues = z.infer<ReturnType<typeof cohortSchema>>;

/** The fields the API may name in a validation problem (camelCase, as it sends them). */
export const cohortFields = [
  'courseId',
  'title',
  'capacity',
  'startsOn',
  'endsOn',
  'applicationsOpenAt',
  'applicationsCloseAt',
  'admissionMode',
  'organizationIds',
  'trainerId',
  'timeZone',
] as const satisfies readonly (keyof CohortValues)[];

/** Sensible defaults: applications open now for two weeks, the cohort starts a week later for eight weeks. */
export function defaultCohortValues(now: Date = new Date(), timeZone = DEFAULT_TIME_ZONE): CohortValues {
  const local = utcToZonedLocal(now, timeZone);
  const today = local.slice(0, 10);
  const close = addDays(today, 14);
  const start = addDays(close, 7);
  return {
    courseId: '',
    title: '',
    capacity: '20',
    startsOn: start,
    endsOn: addDays(start, 56),
    applicationsOpenAt: `${local.slice(0, 13)}:00`,
    applicationsCloseAt: `${close}T18:00`,
    admissionMode: 'Application' satisfies AdmissionMode,
    organizationIds: [],
    trainerId: '',
    timeZone,
  };
}

export function toCreateCohortBody(values: CohortValues): CreateCohortBody {
  return {
    courseId: values.courseId,
    title: values.title.trim(),
    capacity: Number(values.capacity),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    applicationsOpenAt: hasApplicationWindow(values.admissionMode) ? zonedLocalToUtc(values.applicationsOpenAt, values.timeZone) : null,
    applicationsCloseAt: hasApplicationWindow(values.admissionMode) ? zonedLocalToUtc(values.applicationsCloseAt, values.timeZone) : null,
    admissionMode: values.admissionMode,
    organizationIds: values.organizationIds,
    timeZone: values.timeZone,
    trainerId: values.trainerId || null,
  };
}

/** The settings form starts from the cohort as the server has it (window shown in the cohort's zone). */
export function cohortToValues(cohort: Cohort): CohortValues {
  return {
    courseId: cohort.courseId,
    title: cohort.title,
    capacity: String(cohort.capacity),
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    applicationsOpenAt: cohort.applicationsOpenAt ? utcToZonedLocal(cohort.applicationsOpenAt, cohort.timeZone) : '',
    applicationsCloseAt: cohort.applicationsCloseAt ? utcToZonedLocal(cohort.applicationsCloseAt, cohort.timeZone) : '',
    admissionMode: cohort.admissionMode,
    organizationIds: cohort.organizationIds,
    trainerId: '',
    timeZone: cohort.timeZone,
  };
}

/** What PUT /cohorts/{id} may change: course, mode and organisations stay. */
export function toUpdateCohortBody(values: CohortValues): UpdateCohortBody {
  const { title, capacity, startsOn, endsOn, applicationsOpenAt, applicationsCloseAt, timeZone } = toCreateCohortBody(values);
  return { title, capacity, startsOn, endsOn, applicationsOpenAt, applicationsCloseAt, timeZone };
}
