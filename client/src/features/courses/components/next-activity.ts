import type { ScheduledActivity } from '@/features/courses/api/schedule';

/**
 * The activity to open next: the first released one not done that comes after `currentId` in course order, else the
 * first released one not done from the start (an earlier one left behind); none when every released activity is done.
 */
export function nextActivity(activities: readonly ScheduledActivity[], currentId?: string): ScheduledActivity | undefined {
  const open = (a: ScheduledActivity) => a.released && !a.completedAt && a.activityId !== currentId;
  const after = currentId ? activities.findIndex((a) => a.activityId === currentId) + 1 : 0;
  return activities.slice(after).find(open) ?? activities.slice(0, after).find(open);
}
