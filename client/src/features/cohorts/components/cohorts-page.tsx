import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '@/components/page-title';
import { StaffCohortList } from './staff-cohort-list';

/** /cohorts: the staff's cohorts, with the ways to open a new one. */
export function CohortsPage() {
  const { t } = useTranslation(['cohorts', 'common', 'courses']);
  return (
    <Stack>
      <PageTitle>{t('list.title')}</PageTitle>
      <StaffActions />
      <StaffCohortList />
    </Stack>
  );
}

export function StaffActions() {
  const { t } = useTranslation(['cohorts', 'common', 'courses']);
  return (
    <Group>
      <Button component={Link} to="/cohorts/new">
        {t('create.title')}
      </Button>
      <Button component={Link} to="/courses/new" variant="default">
        {t('courses:create.title')}
      </Button>
    </Group>
  );
}
