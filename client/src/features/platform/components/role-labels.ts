import type { OrganizationRole } from '@/lib/auth/roles';

const keys = {
  OrgAdmin: 'common:roles.orgAdmin',
  Trainer: 'common:roles.trainer',
  Mentor: 'common:roles.mentor',
  Learner: 'common:roles.learner',
} as const satisfies Record<OrganizationRole, string>;

export function organizationRoleKey(role: OrganizationRole) {
  return keys[role];
}
