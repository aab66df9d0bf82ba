import { Button, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { HomeHeader } from '@/components/home-header';
import { StaffActions } from './cohorts-page';
import { StaffCohortList } from './staff-cohort-list';

/** The trainer's home: their cohorts with seats, `toGrade` ("à corriger", from Assessment), and the way to open a course or a cohort. */
export function TrainerHome({ toGrade }: { toGrade: ReactNode }) {
  const { t } = useTranslation(['cohorts', 'common']);
  return (
    <>
      <HomeHeader title={t('common:home.trainer.title')} />
      <Stack>
        <StaffActions />
        {toGrade}
        <StaffCohortList />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <EmptyState
            title={t('common:home.trainer.coursesTitle')}
            message={t('common:home.trainer.coursesEmpty')}
            action={
              <Button component={Link} to="/courses" variant="default" style={{ alignSelf: 'flex-start' }}>
                {t('common:home.trainer.openCourses')}
              </Button>
            }
          />
        </SimpleGrid>
      </Stack>
    </>
  );
}
