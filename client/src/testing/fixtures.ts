import type { Me } from '../lib/auth/roles';

const organization = {
  organizationId: '0192f0c1-0000-7000-8000-000000000001',
  name: 'Institut Lumière',
  slug: 'institut-lumiere',
};

export const trainerMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000b001',
  email: 'benoit.lefevre@demo.spoc.local',
  displayName: 'Benoît Lefèvre',
  isPlatformAdmin: false,
  organizations: [{ ...organization, role: 'Trainer' }],
  cohorts: [],
};

export const learnerMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000c001',
  email: 'lea.bernard@demo.spoc.local',
  displayName: 'Léa Bernard',
  isPlatformAdmin: false,
  organizations: [{ ...organization, role: 'Learner' }],
  cohorts: [],
};

export const orgAdminMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000a001',
  email: 'helene.martin@demo.spoc.local',
  displayName: 'Hélène Martin',
  isPlatformAdmin: false,
  organizations: [{ ...organization, role: 'OrgAdmin' }],
  cohorts: [],
};

export const platformAdminMe: Me = {
  id: '0192f0c1-0000-7000-8000-00000000ad01',
  email: 'admin@spoc.local',
  displayName: 'Admin',
  isPlatformAdmin: true,
  organizations: [],
  cohorts: [],
};

let counter = 0;
/** A token pair as /auth/token and /auth/refresh return it; each call gives new, distinct tokens. */
export function tokenPair(prefix = 'tok') {
  counter += 1;
  return {
    accessToken: `${prefix}-access-${counter}`,
    refreshToken: `${prefix}-refresh-${counter}`,
    expiresIn: 900,
    tokenType: 'Bearer',
  };
}
