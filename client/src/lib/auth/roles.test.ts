import { describe, expect, it } from 'vitest';
import { learnerMe, orgAdminMe, platformAdminMe, trainerMe } from '@/testing/fixtures';
import { canAccess, homePathFor, rolesOf, safeReturnTo } from './roles';

describe('roles', () => {
  it('come from organisation roles and the platform admin flag, most specific first', () => {
    expect(rolesOf(trainerMe)).toEqual(['trainer']);
    expect(rolesOf(orgAdminMe)).toEqual(['orgAdmin']);
    expect(rolesOf(platformAdminMe)).toEqual(['platformAdmin']);
    expect(
      rolesOf({
        isPlatformAdmin: false,
        organizations: [
          { ...learnerMe.organizations[0]!, role: 'Learner' },
          { ...learnerMe.organizations[0]!, organizationId: 'other', role: 'Mentor' },
        ],
      }),
    ).toEqual(['mentor', 'learner']);
  });

  it('add the roles held in cohorts (a learner who mentors a cohort gets the mentor home)', () => {
    const cohort = {
      cohortId: 'c1',
      title: 'Printemps',
      organizationId: 'o1',
      startsOn: '2027-03-01',
      endsOn: '2027-04-30',
      timeZone: 'Europe/Paris',
    };
    expect(rolesOf({ ...learnerMe, cohorts: [{ ...cohort, role: 'Mentor' }] })).toEqual(['mentor', 'learner']);
    expect(homePathFor(rolesOf({ ...learnerMe, cohorts: [{ ...cohort, role: 'Mentor' }] }))).toBe('/mentor');
    expect(rolesOf({ isPlatformAdmin: false, organizations: [], cohorts: [{ ...cohort, role: 'Trainer' }] })).toEqual(['trainer']);
  });

  it('make a self-registered account without organisation a learner', () => {
    expect(rolesOf({ isPlatformAdmin: false, organizations: [] })).toEqual(['learner']);
  });

  it('pick the home of the most specific role', () => {
    expect(homePathFor(rolesOf(trainerMe))).toBe('/trainer');
    expect(homePathFor(rolesOf(learnerMe))).toBe('/learner');
    expect(homePathFor(['mentor', 'learner'])).toBe('/mentor');
  });

  it('guard pages by role; a platform admin may do what an org admin may', () => {
    expect(canAccess(['learner'], ['trainer'])).toBe(false);
    expect(canAccess(['trainer'], ['trainer'])).toBe(true);
    expect(canAccess(['platformAdmin'], ['orgAdmin'])).toBe(true);
    expect(canAccess(['orgAdmin'], ['platformAdmin'])).toBe(false);
  });

  it('accept only same-site return paths', () => {
    expect(safeReturnTo('/trainer?tab=1')).toBe('/trainer?tab=1');
    expect(safeReturnTo('//evil.example/x')).toBeNull();
    expect(safeReturnTo('https://evil.example')).toBeNull();
    expect(safeReturnTo('/\\evil.example')).toBeNull();
    expect(safeReturnTo('/sign-in')).toBeNull();
    expect(safeReturnTo(null)).toBeNull();
  });
});
