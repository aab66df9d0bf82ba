import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/empty-state';
import { HomeHeader } from '@/components/home-header';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';

/** The learner's home: `upcoming` ("à venir", from Community and FollowUp), "Mes cohortes" from /me, the ways to find and follow applications, and `toDo` ("à rendre", from Assessment). */
export function LearnerHome({ toDo, upcoming }: { toDo: ReactNode; upcoming: ReactNode }) {
  const { t } = useTranslation(['cohorts', 'common']);
  const { user } = useSession();
  const format = useFormatters();
  const cohorts = user?.cohorts ?? [];

  return (
    <>
      <HomeHeader title={t('common:home.learner.title')} />
      <Stack>
        <Group>
          <Button component={Link} to="/open-cohorts">
            {t('common:nav.openCohorts')}
          </Button>
          <Button component={Link} to="/applications" variant="default">
            {t('common:nav.myApplications')}
          </Button>
        </Group>
        {cohorts.length > 0 && upcoming}
        {cohorts.length === 0 ? (
          <EmptyState title={t('common:home.learner.cohortsTitle')} message={t('common:home.learner.cohortsEmpty')} />
        ) : (
          <section aria-labelledby="my-cohorts-title">
            <Title order={2} size="h3" id="my-cohorts-title" mb="sm">
              {t('common:home.learner.cohortsTitle')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {cohorts.map((cohort) => (
                <Card key={cohort.cohortId} withBorder component="li">
                  <Stack gap="xs">
                    <Group justify="space-between">
                      <Anchor component={Link} to={`/cohorts/${cohort.cohortId}`} fw={600}>
                        {cohort.title}
                      </Anchor>
                      <Badge variant="light">{t(`role.${cohort.role}`)}</Badge>
                    </Group>
                    <Text size="sm">{t('facts.dates', { start: format.day(cohort.startsOn), end: format.day(cohort.endsOn) })}</Text>
                    <Text size="sm" c="dimmed">
                      {t('facts.timeZone', { zone: cohort.timeZone })}
                    </Text>
                  </Stack>
                </Card>
              ))}
            </SimpleGrid>
          </section>
        )}
        {toDo}
      </Stack>
    </>
  );
}
