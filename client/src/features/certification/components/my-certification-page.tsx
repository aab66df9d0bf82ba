import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { useMyEligibility } from '@/features/certification/api/certification';
import { eligibilityGaps, type Gap } from './eligibility-gaps';

/** /cohorts/:cohortId/certification/me: a learner's progress towards the cohort's certificate ("Il vous manque..."). */
export function MyCertificationPage() {
  const { t } = useTranslation('certification');
  const format = useFormatters();
  const { cohortId = '' } = useParams();
  const mine = useMyEligibility(cohortId);
  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;

  const gaps = eligibilityGaps(mine.data);
  const line = (gap: Gap) => {
    switch (gap.kind) {
      case 'finalGrade':
      case 'completion':
      case 'attendance':
        return t(`progress.${gap.kind}`, { points: format.number(gap.points) });
      case 'assignments':
      case 'competencies':
        return t(`progress.${gap.kind}`, { titles: gap.titles.join(', ') });
      default:
        return t(`progress.${gap.kind}`);
    }
  };
  return (
    <Stack>
      <PageTitle>{t('myPageTitle')}</PageTitle>
      {mine.data.certificate?.status === 'Valid' ? (
        <Alert color="teal">{t('progress.certified')}</Alert>
      ) : gaps.length === 0 ? (
        <Alert color="teal">{t('progress.eligible')}</Alert>
      ) : (
        <Stack gap="xs">
          <Text fw={500}>{t('progress.missing')}</Text>
          <List>
            {gaps.map((gap) => <List.Item key={gap.kind}>{line(gap)}</List.Item>)}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
