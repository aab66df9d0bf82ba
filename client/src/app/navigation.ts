import type { Role } from '@/lib/auth/roles';
import { roleHomePath } from '@/lib/auth/roles';

export interface NavItem {
  to: string;
  labelKey:
    | 'nav.learner'
    | 'nav.mentor'
    | 'nav.trainer'
    | 'nav.orgAdmin'
    | 'nav.platformAdmin'
    | 'nav.profile'
    | 'nav.openCohorts'
    | 'nav.myApplications'
    | 'nav.cohorts'
    | 'nav.courses'
    | 'nav.partnerships'
    | 'nav.agenda'
    | 'nav.certificates'
    | 'nav.followUp'
    | 'nav.orgMembers'
    | 'nav.orgApiClients'
    | 'nav.orgWebhooks'
    | 'nav.adminOrganizations'
    | 'nav.adminUsers'
    | 'nav.adminSystem';
}

/** One home per role the user holds (most specific first), then the cohort pages they use, then the profile. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const items: NavItem[] = roles.map((role) => ({ to: roleHomePath[role], labelKey: `nav.${role}` }));
  if (roles.some((role) => role === 'trainer' || role === 'mentor' || role === 'orgAdmin' || role === 'platformAdmin')) {
    items.push({ to: '/cohorts', labelKey: 'nav.cohorts' });
  }
  if (roles.some((role) => role === 'trainer' || role === 'orgAdmin')) {
    items.push({ to: '/courses', labelKey: 'nav.courses' });
  }
  if (roles.includes('orgAdmin')) {
    items.push({ to: '/partnerships', labelKey: 'nav.partnerships' });
    items.push({ to: '/organization/members', labelKey: 'nav.orgMembers' });
    items.push({ to: '/organization/api-clients', labelKey: 'nav.orgApiClients' });
    items.push({ to: '/organization/webhooks', labelKey: 'nav.orgWebhooks' });
  }
  if (roles.includes('platformAdmin')) {
    items.push({ to: '/admin/organizations', labelKey: 'nav.adminOrganizations' });
    items.push({ to: '/admin/users', labelKey: 'nav.adminUsers' });
    items.push({ to: '/admin/system', labelKey: 'nav.adminSystem' });
  }
  if (roles.includes('learner')) {
    items.push({ to: '/open-cohorts', labelKey: 'nav.openCohorts' });
    items.push({ to: '/applications', labelKey: 'nav.myApplications' });
    items.push({ to: '/me/follow-up', labelKey: 'nav.followUp' });
  }
  items.push({ to: '/agenda', labelKey: 'nav.agenda' });
  items.push({ to: '/me/certificates', labelKey: 'nav.certificates' });
  items.push({ to: '/profile', labelKey: 'nav.profile' });
  return items;
}
