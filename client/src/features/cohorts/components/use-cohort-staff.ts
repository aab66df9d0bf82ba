import { useSession } from '../../../lib/auth/session-context';
import type { Cohort } from '../api/cohorts-api';

/** Staff of a cohort: its trainers and mentors, its organisation's admins, the platform admin. */
export function useIsCohortStaff(cohort: Pick<Cohort, 'myRole' | 'organizationId'> | undefined): boolean {
  const { user } = useSession();
  if (!cohort || !user) return false;
  return (
    cohort.myRole === 'Trainer' ||
    cohort.myRole === 'Mentor' ||
    user.isPlatformAdmin ||
    user.organizations.some((o) => o.organizationId === cohort.organizationId && o.role === 'OrgAdmin')
  );
}

/**
 * An admin of one of the cohort's allowed organisations (not its owner): may enrol their own people
 * into an OrganizationEnrollment cohort, nothing else.
 */
export function useIsPartnerAdmin(cohort: Pick<Cohort, 'organizationIds' | 'admissionMode'> | undefined): boolean {
  const { user } = useSession();
  if (!cohort || !user || cohort.admissionMode !== 'OrganizationEnrollment') return false;
  return user.organizations.some((o) => o.role === 'OrgAdmin' && cohort.organizationIds.includes(o.organizationId));
}
