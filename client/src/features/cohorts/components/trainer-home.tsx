import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/empty-state';
import { HomeHeader } from '../../../components/home-header';
import { StaffActions } from './cohorts-page';
import { StaffCohortList } from './staff-cohort-list';

/** The trainer's home: their cohorts with seats, and the way to open a course or a cohort. */
export function TrainerHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHeader title={t('home.trainer.title')} />
      <Stack>
        <StaffActions />
        <StaffCohortList />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <EmptyState title={t('home.trainer.coursesTitle')} message={t('home.trainer.coursesEmpty')} />
        </SimpleGrid>
      </Stack>
    </>
  );
}
