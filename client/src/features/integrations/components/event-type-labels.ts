import type { WebhookEventType } from '@/features/integrations/api/webhooks';

// i18next reads '.' as its key separator: the texts are keyed by a name without it.
export const eventTypeKeys = {
  'application.decided': 'applicationDecided',
  'enrolment.created': 'enrolmentCreated',
  'enrolment.withdrawn': 'enrolmentWithdrawn',
  'activity.completed': 'activityCompleted',
  'submission.received': 'submissionReceived',
  'grade.released': 'gradeReleased',
  'attendance.recorded': 'attendanceRecorded',
  'certificate.issued': 'certificateIssued',
  'certificate.revoked': 'certificateRevoked',
} as const satisfies Record<WebhookEventType, string>;

/** The key of an event type's texts under `integrations:webhooks.events`; none for a type this UI does not know yet. */
export function eventTypeKey(type: string): (typeof eventTypeKeys)[WebhookEventType] | undefined {
  return Object.hasOwn(eventTypeKeys, type) ? eventTypeKeys[type as WebhookEventType] : undefined;
}
