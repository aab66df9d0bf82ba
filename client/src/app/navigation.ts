import type { Role } from '../lib/auth/roles';
import { roleHomePath } from '../lib/auth/roles';

export interface NavItem {
  to: string;
  labelKey: 'nav.learner' | 'nav.mentor' | 'nav.trainer' | 'nav.orgAdmin' | 'nav.platformAdmin' | 'nav.profile';
}

/** One entry per role the user holds (most specific first), then the profile. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const items: NavItem[] = roles.map((role) => ({ to: roleHomePath[role], labelKey: `nav.${role}` }));
  items.push({ to: '/profile', labelKey: 'nav.profile' });
  return items;
}
