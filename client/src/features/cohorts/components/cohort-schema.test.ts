import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n/i18n';
import { cohortSchema, defaultCohortValues, toCreateCohortBody, type CohortValues } from './cohort-schema';

const t = i18n.getFixedT('fr', ['cohorts', 'common'] as const);
const schema = cohortSchema(t);

const valid: CohortValues = {
  courseId: '0192f0c1-0000-7000-8000-0000000c0501',
  title: 'Design d’interfaces, printemps 2027',
  capacity: '3',
  startsOn: '2027-03-01',
  endsOn: '2027-04-30',
  applicationsOpenAt: '2027-01-10T09:00',
  applicationsCloseAt: '2027-02-20T18:00',
  admissionMode: 'Application',
  organizationIds: [],
  trainerId: '',
  timeZone: 'Europe/Paris',
};

function errorsOf(values: Partial<CohortValues>) {
  const result = schema.safeParse({ ...valid, ...values });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('cohort form rules (as the server has them)', () => {
  it('accept a valid cohort', () => {
    expect(errorsOf({})).toEqual({});
  });

  it('keep the capacity between 1 and 200, whole', () => {
    expect(errorsOf({ capacity: '0' })).toEqual({ capacity: 'La capacité doit être un nombre entier entre 1 et 200.' });
    expect(errorsOf({ capacity: '201' })).toHaveProperty('capacity');
    expect(errorsOf({ capacity: '2.5' })).toHaveProperty('capacity');
    expect(errorsOf({ capacity: '' })).toHaveProperty('capacity');
    expect(errorsOf({ capacity: '1' })).toEqual({});
    expect(errorsOf({ capacity: '200' })).toEqual({});
  });

  it('end after the start', () => {
    expect(errorsOf({ endsOn: '2027-03-01' })).toEqual({ endsOn: 'La cohorte doit se terminer après son début.' });
    expect(errorsOf({ endsOn: '2027-02-01' })).toHaveProperty('endsOn');
  });

  it('close applications after they open, and on or before the start date', () => {
    expect(errorsOf({ applicationsCloseAt: '2027-01-10T09:00' })).toEqual({
      applicationsCloseAt: 'Les candidatures doivent fermer après leur ouverture.',
    });
    expect(errorsOf({ applicationsCloseAt: '2027-03-02T08:00' })).toEqual({
      applicationsCloseAt:
        'Les candidatures doivent fermer au plus tard le jour du début de la cohorte (dans son fuseau horaire).',
    });
    // The start day itself is allowed, late in the evening (in the cohort's zone).
    expect(errorsOf({ applicationsCloseAt: '2027-03-01T23:30' })).toEqual({});
  });

  it('require the course, the title and a real time zone', () => {
    expect(errorsOf({ courseId: '', title: '  ', timeZone: 'Mars/Olympus' })).toEqual({
      courseId: 'Ce champ est obligatoire.',
      title: 'Ce champ est obligatoire.',
      timeZone: 'Choisissez un fuseau horaire, par exemple « Europe/Paris ».',
    });
  });

  it('send the window in UTC, read in the cohort zone', () => {
    expect(toCreateCohortBody({ ...valid, title: '  Printemps  ', organizationIds: ['org-1'] })).toEqual({
      courseId: valid.courseId,
      title: 'Printemps',
      capacity: 3,
      startsOn: '2027-03-01',
      endsOn: '2027-04-30',
      applicationsOpenAt: '2027-01-10T08:00:00.000Z',
      applicationsCloseAt: '2027-02-20T17:00:00.000Z',
      admissionMode: 'Application',
      organizationIds: ['org-1'],
      timeZone: 'Europe/Paris',
      trainerId: null,
    });
  });

  it('default to a valid schedule: open now, close in two weeks, start a week later', () => {
    const defaults = defaultCohortValues(new Date('2027-01-10T08:20:00Z'));
    expect(defaults).toMatchObject({
      applicationsOpenAt: '2027-01-10T09:00',
      applicationsCloseAt: '2027-01-24T18:00',
      startsOn: '2027-01-31',
      endsOn: '2027-03-28',
      timeZone: 'Europe/Paris',
      capacity: '20',
    });
    expect(errorsOf({ ...defaults, courseId: valid.courseId, title: 'x' })).toEqual({});
  });

  it('ask no application window of a cohort nobody applies to, and send none', () => {
    const enrolment = { ...valid, admissionMode: 'OrganizationEnrollment' as const, applicationsOpenAt: '', applicationsCloseAt: '' };
    expect(errorsOf(enrolment)).toEqual({});
    expect(toCreateCohortBody(enrolment)).toMatchObject({ applicationsOpenAt: null, applicationsCloseAt: null });
    expect(toCreateCohortBody({ ...enrolment, admissionMode: 'InviteOnly', applicationsOpenAt: '2027-01-10T09:00' })).toMatchObject({ applicationsOpenAt: null });
    expect(errorsOf({ applicationsOpenAt: '', applicationsCloseAt: '' })).toEqual({
      applicationsOpenAt: 'Saisissez une date et une heure.',
      applicationsCloseAt: 'Saisissez une date et une heure.',
    });
  });
});
