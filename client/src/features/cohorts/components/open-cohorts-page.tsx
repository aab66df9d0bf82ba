import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { useOpenCohorts } from '@/features/cohorts/api/cohorts';
import { hasPublicPage } from '@/features/cohorts/api/public-cohort';
import { CohortFacts } from './cohort-facts';
import { CopyPublicLink } from './copy-public-link';

/** "Cohortes ouvertes": cohorts that take applications now, with dates in their time zone and seats left. */
export function OpenCohortsPage() {
  const { t } = useTranslation(['cohorts', 'common']);
  const [page, setPage] = useState(1);
  const cohorts = useOpenCohorts(page);

  return (
    <Stack>
      <PageTitle>{t('open.title')}</PageTitle>
      <Text c="dimmed">{t('open.intro')}</Text>
      {cohorts.isPending ? (
        <LoadingState />
      ) : cohorts.isError ? (
        <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.items.length === 0 ? (
        <EmptyState title={t('open.emptyTitle')} message={t('open.empty')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-busy={cohorts.isFetching}>
            {cohorts.data.items.map((cohort) => (
              <Card key={cohort.id} withBorder component="li" aria-labelledby={`cohort-${cohort.id}`}>
                <Stack gap="sm">
                  <Title order={2} size="h4" id={`cohort-${cohort.id}`}>
                    {cohort.title}
                  </Title>
                  <CohortFacts cohort={cohort} showWindow />
                  {hasPublicPage(cohort) && <CopyPublicLink cohortId={cohort.id} title={cohort.title} />}
                  {cohort.myRole ? (
                    <Button component={Link} to={`/cohorts/${cohort.id}`} variant="default" style={{ alignSelf: 'flex-start' }}>
                      {t('open.openCohort')}
                    </Button>
                  ) : (
                    <Button
                      component={Link}
                      to={`/cohorts/${cohort.id}/apply`}
                      style={{ alignSelf: 'flex-start' }}
                      aria-label={t('open.applyTo', { title: cohort.title })}
                    >
                      {t('open.apply')}
                    </Button>
                  )}
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
          <Pager page={page} pageSize={cohorts.data.pageSize} totalCount={cohorts.data.totalCount} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
