import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { HomeHeader } from '@/components/home-header';
import { StaffActions } from './cohorts-page';
import { StaffCohortList } from './staff-cohort-list';

/**
 * The trainer's home: `toGrade` ("à corriger", from Assessment), `toFollow` ("à suivre", from FollowUp), their cohorts
 * with seats, and `courses` (their courses, from Courses), with the ways to open a course or a cohort.
 */
export function TrainerHome({ toGrade, toFollow, courses }: { toGrade: ReactNode; toFollow: ReactNode; courses: ReactNode }) {
  const { t } = useTranslation(['cohorts', 'common']);
  return (
    <>
      <HomeHeader title={t('common:home.trainer.title')} />
      <Stack>
        <StaffActions />
        {toGrade}
        {toFollow}
        <StaffCohortList />
        {courses}
      </Stack>
    </>
  );
}
