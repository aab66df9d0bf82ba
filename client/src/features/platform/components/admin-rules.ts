import type { OrganizationRole } from '@/lib/auth/roles';

/** Highest first. */
export const organizationRoles: readonly OrganizationRole[] = ['OrgAdmin', 'Trainer', 'Mentor', 'Learner'];

/**
 * The roles a caller may give in an organisation: nobody grants a role above their own, and only its admins (the
 * platform admin counts as one) manage members at all. OrgAdmin being the top role, an admin may give any.
 */
export function grantableRoles(callerRole: OrganizationRole | undefined, isPlatformAdmin: boolean): OrganizationRole[] {
  const role = isPlatformAdmin ? 'OrgAdmin' : callerRole;
  if (role !== 'OrgAdmin') return [];
  return organizationRoles.slice(organizationRoles.indexOf(role));
}

/**
 * The organisation's last admin can be neither demoted nor removed (the server answers 409 last-org-admin): the
 * screen does not offer it. `adminCount` is the organisation's number of OrgAdmins.
 */
export function isLastAdmin(member: { role: OrganizationRole }, adminCount: number): boolean {
  return member.role === 'OrgAdmin' && adminCount <= 1;
}

/** Whole days, hours and minutes of an uptime in seconds (the system page). */
export function splitUptime(seconds: number) {
  return { days: Math.floor(seconds / 86400), hours: Math.floor((seconds % 86400) / 3600), minutes: Math.floor((seconds % 3600) / 60) };
}
