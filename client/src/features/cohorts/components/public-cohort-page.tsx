import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title, Typography } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import { usePublicCohort, type PublicCohort } from '@/features/cohorts/api/public-cohort';

/**
 * /c/:cohortId, the shareable page of a cohort open to applications (issue 16): anyone reads the course, the dates, the
 * seats left and the organisation; "Postuler" leads a signed-in learner to the application form, and anyone else
 * through registration (or sign-in) back to it.
 */
export function PublicCohortPage() {
  const { cohortId = '' } = useParams();
  const cohort = usePublicCohort(cohortId);
  if (cohort.isPending) return <LoadingState />;
  if (cohort.isError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  return <CohortFlyer cohort={cohort.data} />;
}

function CohortFlyer({ cohort }: { cohort: PublicCohort }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const format = useFormatters();
  const session = useSession();
  const applyPath = `/cohorts/${cohort.id}/apply`;
  const returnTo = new URLSearchParams({ returnTo: applyPath }).toString();

  return (
    <Paper withBorder shadow="sm" p="xl" component="article" aria-labelledby="public-cohort-title">
      <Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('publicPage.by', { organization: cohort.organizationName })}
          </Text>
          <PageTitle id="public-cohort-title">{`${cohort.courseTitle} — ${cohort.title}`}</PageTitle>
        </Stack>
        {cohort.courseSummaryHtml && (
          <Typography>
            {/* Rendered from Markdown and sanitized by the server (Markdig + HtmlSanitizer). */}
            <div data-testid="public-cohort-summary" dangerouslySetInnerHTML={{ __html: cohort.courseSummaryHtml }} />
          </Typography>
        )}
        <List spacing={4} aria-label={t('publicPage.facts')}>
          <List.Item>{t('publicPage.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn), timeZone: cohort.timeZone })}</List.Item>
          <List.Item>
            {t('publicPage.window', {
              open: format.dateTimeIn(cohort.applicationsOpenAt, cohort.timeZone),
              close: format.dateTimeIn(cohort.applicationsCloseAt, cohort.timeZone),
            })}
          </List.Item>
          <List.Item>
            {cohort.seatsLeft > 0 ? t('publicPage.seatsLeft', { count: cohort.seatsLeft }) : t('publicPage.full')}
            {cohort.waitlistLength > 0 && ` ${t('publicPage.waitlist', { count: cohort.waitlistLength })}`}
          </List.Item>
        </List>
        {cohort.competencies.length > 0 && (
          <section aria-labelledby="public-cohort-competencies">
            <Title order={2} size="h4" id="public-cohort-competencies" mb="xs">
              {t('publicPage.competencies')}
            </Title>
            <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {cohort.competencies.map((competency) => (
                <Badge key={competency.code} component="li" variant="light" size="lg" tt="none">
                  {competency.code} · {competency.title}
                </Badge>
              ))}
            </Group>
          </section>
        )}
        {!cohort.applicationsOpen ? (
          <Alert color="gray" role="status">
            {t('publicPage.notYet', { date: format.dateTimeIn(cohort.applicationsOpenAt, cohort.timeZone) })}
          </Alert>
        ) : session.status === 'authenticated' ? (
          <Button component={Link} to={applyPath} size="md" style={{ alignSelf: 'flex-start' }}>
            {t('publicPage.apply')}
          </Button>
        ) : (
          <Stack gap="xs">
            <Button component={Link} to={`/register?${returnTo}`} size="md" style={{ alignSelf: 'flex-start' }}>
              {t('publicPage.apply')}
            </Button>
            <Text size="sm">
              {t('publicPage.haveAccount')}{' '}
              <Anchor component={Link} to={`/sign-in?${returnTo}`}>
                {t('publicPage.signIn')}
              </Anchor>
            </Text>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
