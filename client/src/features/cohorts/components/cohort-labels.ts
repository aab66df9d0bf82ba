import type { ApplicationStatus } from '@/features/cohorts/api/applications';

/** Badge colours of application statuses (light variant: AA contrast with the theme). */
export const statusColor: Record<ApplicationStatus, string> = {
  Submitted: 'blue',
  Admitted: 'green',
  Rejected: 'red',
  Waitlisted: 'yellow',
  Withdrawn: 'gray',
};

/** The API sends statuses as strings; anything unknown is shown as submitted. */
export function asStatus(value: string): ApplicationStatus {
  return (['Submitted', 'Admitted', 'Rejected', 'Waitlisted', 'Withdrawn'] as const).find((s) => s === value) ?? 'Submitted';
}
