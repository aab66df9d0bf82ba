import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { HomeHeader } from '@/components/home-header';

/**
 * The mentor's home: `toFollow` ("à suivre", from FollowUp), `learners` (in each cohort they mentor, their own learners
 * with their progress, from FollowUp) and `toGrade` ("à corriger", from Assessment).
 */
export function MentorHome({ toGrade, toFollow, learners }: { toGrade: ReactNode; toFollow: ReactNode; learners: ReactNode }) {
  const { t } = useTranslation(['cohorts', 'common']);
  return (
    <>
      <HomeHeader title={t('common:home.mentor.title')} />
      <Stack>
        {toFollow}
        {learners}
        {toGrade}
      </Stack>
    </>
  );
}
