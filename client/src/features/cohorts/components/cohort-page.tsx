import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useCohort } from '@/features/cohorts/api/cohorts';
import { CohortFacts } from './cohort-facts';
import { CohortLearnerView } from './cohort-learner-view';
import { CohortStaffView } from './cohort-staff-view';
import { worksOnCohort } from './use-cohort-staff';

/** /cohorts/:cohortId: the staff's workspace, or the learner's view of their cohort. */
export function CohortPage() {
  const { t } = useTranslation(['cohorts', 'common']);
  const { cohortId = '' } = useParams();
  const cohort = useCohort(cohortId);

  if (cohort.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  if (worksOnCohort(cohort.data)) return <CohortStaffView cohort={cohort.data} />;
  if (cohort.data.myRole) return <CohortLearnerView cohort={cohort.data} />;

  // Visible but not a member yet: a cohort open to the caller's applications.
  return (
    <Stack>
      <PageTitle>{cohort.data.title}</PageTitle>
      <CohortFacts cohort={cohort.data} showWindow />
      {cohort.data.admissionMode === 'Application' && (
        <Button component={Link} to={`/cohorts/${cohort.data.id}/apply`} style={{ alignSelf: 'flex-start' }}>
          {t('open.apply')}
        </Button>
      )}
    </Stack>
  );
}
