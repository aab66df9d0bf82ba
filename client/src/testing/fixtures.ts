import type { components } from '@/lib/api/schema';
import type { Me } from '@/lib/auth/roles';

type Cohort = components['schemas']['Cohort'];
type Application = components['schemas']['Application'];

const organization = {
  organizationId: '0192f0c1-0000-7000-8000-000000000001',
  name: 'Institut Lumière',
  slug: 'institut-lumiere',
};

export const trainerMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000b001',
  email: 'benoit.lefevre@demo.spoc.local',
  displayName: 'Benoît Lefèvre',
  language: 'fr',
  isPlatformAdmin: false,
  organizations: [{ ...organization, role: 'Trainer' }],
  cohorts: [],
};

export const learnerMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000c001',
  email: 'lea.bernard@demo.spoc.local',
  displayName: 'Léa Bernard',
  language: 'fr',
  isPlatformAdmin: false,
  organizations: [{ ...organization, role: 'Learner' }],
  cohorts: [],
};

export const orgAdminMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000a001',
  email: 'helene.martin@demo.spoc.local',
  displayName: 'Hélène Martin',
  language: 'fr',
  isPlatformAdmin: false,
  organizations: [{ ...organization, role: 'OrgAdmin' }],
  cohorts: [],
};

export const platformAdminMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000ad01',
  email: 'admin@spoc.local',
  displayName: 'Admin',
  language: 'fr',
  isPlatformAdmin: true,
  organizations: [],
  cohorts: [],
};

let counter = 0;
/** Tokens as /auth/token and /auth/refresh return them to the web app (the refresh token is in a cookie); each call gives new ones. */
export function tokenPair(prefix = 'tok') {
  counter += 1;
  return {
    accessToken: `${prefix}-access-${counter}`,
    expiresIn: 900,
    tokenType: 'Bearer',
  };
}

export const cohortId = '0192f0c1-0000-7000-8000-0000000c0401';
export const courseId = '0192f0c1-0000-7000-8000-0000000c0501';

/** What each cohort role may do, as the API's capability table grants it (docs/capabilities.md). */
export const capabilitiesOf = {
  Trainer: ['ViewInside', 'PreviewContent', 'ManageSettings', 'ManageStaff', 'EnrolLearners', 'DecideApplications', 'ManageInvitations', 'ManageGroups', 'ActOnAllLearners'],
  Mentor: ['ViewInside', 'PreviewContent', 'ActOnOwnMentees'],
  Learner: ['ViewInside', 'Learn'],
} satisfies Record<string, Cohort['capabilities']>;

/** A cohort as GET /cohorts/{id} returns it: 3 seats, applications open, seen by its trainer (capabilities follow `myRole`). */
export function cohortFixture(overrides: Partial<Cohort> = {}): Cohort {
  const myRole = 'myRole' in overrides ? overrides.myRole : 'Trainer';
  return {
    id: cohortId,
    courseId,
    organizationId: organization.organizationId,
    title: 'Design d’interfaces, printemps 2027',
    capacity: 3,
    seatsTaken: 1,
    seatsLeft: 2,
    waitlistLength: 0,
    startsOn: '2027-03-01',
    endsOn: '2027-04-30',
    applicationsOpenAt: '2027-01-10T08:00:00Z',
    applicationsCloseAt: '2027-02-20T17:00:00Z',
    admissionMode: 'Application',
    organizationIds: [],
    timeZone: 'Europe/Paris',
    myRole: 'Trainer',
    partnerships: [],
    capabilities: myRole ? capabilitiesOf[myRole] : [],
    ...overrides,
  };
}

export function applicationFixture(overrides: Partial<Application> = {}): Application {
  return {
    id: '0192f0c1-0000-7000-8000-0000000a0601',
    cohortId,
    cohortTitle: 'Design d’interfaces, printemps 2027',
    applicantId: learnerMe.id,
    applicantName: 'Léa Bernard',
    motivation: 'Je veux concevoir des interfaces accessibles.',
    answers: { Disponibilités: 'Le mardi soir' },
    status: 'Submitted',
    decisionNote: null,
    submittedAt: '2027-01-15T09:30:00Z',
    decidedAt: null,
    updatedAt: '2027-01-15T09:30:00Z',
    waitlistPosition: null,
    ...overrides,
  };
}

export function paged<T>(items: T[], pageSize = 20) {
  return { items, page: 1, pageSize, totalCount: items.length };
}
