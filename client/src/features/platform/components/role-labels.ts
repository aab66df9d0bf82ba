import type { OrganizationRole } from '@/lib/auth/roles';

const keys = {
  OrgAdmin: 'roles.orgAdmin',
  Trainer: 'roles.trainer',
  Mentor: 'roles.mentor',
  Learner: 'roles.learner',
} as const satisfies Record<OrganizationRole, string>;

export function organizationRoleKey(role: OrganizationRole) {
  return keys[role];
}
