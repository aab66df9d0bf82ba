import type { paths } from '@/lib/api/schema';

/** The body of GET /api/v1/me, as generated from docs/openapi.json. */
export type Me = paths['/api/v1/me']['get']['responses'][200]['content']['application/json'];
export type OrganizationRole = Me['organizations'][number]['role'];
export type CohortRole = Me['cohorts'][number]['role'];

/** The roles the UI knows; org roles come from /me's organisations, platform admin from isPlatformAdmin. */
export type Role = 'learner' | 'mentor' | 'trainer' | 'orgAdmin' | 'platformAdmin';

/** Most specific first: the first role a user has picks their home page. */
export const rolePriority: readonly Role[] = ['platformAdmin', 'orgAdmin', 'trainer', 'mentor', 'learner'];

const fromOrganizationRole: Record<OrganizationRole, Role> = {
  OrgAdmin: 'orgAdmin',
  Trainer: 'trainer',
  Mentor: 'mentor',
  Learner: 'learner',
};

export const roleHomePath: Record<Role, string> = {
  learner: '/learner',
  mentor: '/mentor',
  trainer: '/trainer',
  orgAdmin: '/organization',
  platformAdmin: '/admin',
};

const fromCohortRole: Record<CohortRole, Role> = {
  Trainer: 'trainer',
  Mentor: 'mentor',
  Learner: 'learner',
};

/**
 * Roles of the signed-in user, most specific first: organisation roles, plus the roles held in
 * cohorts (a learner of the organisation who mentors in a cohort gets the mentor home). A registered
 * account without any role is a learner (self-registration creates learner accounts).
 */
export function rolesOf(me: Pick<Me, 'isPlatformAdmin' | 'organizations'> & Partial<Pick<Me, 'cohorts'>>): Role[] {
  const roles = new Set<Role>();
  if (me.isPlatformAdmin) roles.add('platformAdmin');
  for (const membership of me.organizations) {
    const role = fromOrganizationRole[membership.role];
    if (role) roles.add(role);
  }
  for (const membership of me.cohorts ?? []) {
    const role = fromCohortRole[membership.role];
    if (role) roles.add(role);
  }
  if (roles.size === 0) roles.add('learner');
  return rolePriority.filter((role) => roles.has(role));
}

/** May a user with `roles` open a page meant for `allowed`? A platform admin may do what an org admin may. */
export function canAccess(roles: readonly Role[], allowed: readonly Role[]): boolean {
  return allowed.some(
    (role) => roles.includes(role) || (role === 'orgAdmin' && roles.includes('platformAdmin')),
  );
}

export function homePathFor(roles: readonly Role[]): string {
  const first = roles[0];
  return first ? roleHomePath[first] : roleHomePath.learner;
}

/** Only same-site paths are valid return targets (no `//evil.example` or absolute URLs). */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/sign-in') || value.startsWith('/register')) return null;
  return value;
}
