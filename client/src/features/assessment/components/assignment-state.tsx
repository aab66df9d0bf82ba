import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MyAssignment } from '@/features/assessment/api/assessment';

/** Where a learner stands on an assignment, in one badge (light variants: the theme darkens their text to 4.5:1): to hand in (overdue), to revise, graded, handed in (late). */
export function AssignmentStateBadge({ state }: { state: MyAssignment }) {
  const { t } = useTranslation('assessment');
  if (state.gradeStatus === 'ReturnedForRevision') return <Badge color="orange" variant="light">{t('state.returned')}</Badge>;
  if (state.attempts === 0) {
    return state.isPastDue ? <Badge color="red.9">{t('state.overdue')}</Badge> : <Badge variant="light">{t('state.toDo')}</Badge>;
  }
  if (state.gradeStatus === 'Released') return <Badge color="green" variant="light">{t('state.graded')}</Badge>;
  return state.lastIsLate ? <Badge color="yellow" variant="light">{t('state.late')}</Badge> : <Badge color="teal" variant="light">{t('state.handedIn')}</Badge>;
}
