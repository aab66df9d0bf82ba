import { Anchor, Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { can, useCohortAccess } from '@/lib/api/cohort-access';
import { useFormatters } from '@/lib/i18n/format';
import {
  type DashboardQuery,
  type LearnerFollowUp,
  type RiskLevel,
  useCohortMentors,
  useFollowUpDashboard,
  useRiskRules,
} from '@/features/follow-up/api/follow-up';
import { LevelChart, ProgressChart } from './level-chart';
import { levelColors, reasonText } from './reason-text';
import { RiskRulesForm } from './risk-rules-form';

const levels: RiskLevel[] = ['AtRisk', 'Watch', 'OnTrack'];

/** /cohorts/:cohortId/follow-up: the learners by risk (staff: all, a mentor: theirs), and the risk rules (staff edit them). */
export function FollowUpPage() {
  const { t } = useTranslation('followUp');
  const { cohortId = '' } = useParams();
  const [tab, setTab] = useState<string | null>('dashboard');
  const manages = can(useCohortAccess(cohortId).data, 'ActOnAllLearners');
  return (
    <Stack>
      <PageTitle>{t('pageTitle')}</PageTitle>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="dashboard">{t('tabs.dashboard')}</Tabs.Tab>
          <Tabs.Tab value="rules">{t('tabs.rules')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="dashboard" pt="md"><Dashboard cohortId={cohortId} manages={manages} /></Tabs.Panel>
        <Tabs.Panel value="rules" pt="md"><RulesTab cohortId={cohortId} manages={manages} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function Dashboard({ cohortId, manages }: { cohortId: string; manages: boolean }) {
  const { t } = useTranslation('followUp');
  const format = useFormatters();
  const [query, setQuery] = useState<DashboardQuery>({ page: 1 });
  const dashboard = useFollowUpDashboard(cohortId, query);
  const mentors = useCohortMentors(cohortId, manages);
  if (dashboard.isPending) return <LoadingState />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;

  const { counts, items } = dashboard.data;
  const byLevel: Record<RiskLevel, number> = { AtRisk: counts.atRisk, Watch: counts.watch, OnTrack: counts.onTrack };
  return (
    <Stack>
      <Paper withBorder p="md">
        <Title order={2} size="h4">{t('counts.title')}</Title>
        <Text role="status" data-testid="follow-up-counts">
          {t('counts.summary', { atRisk: format.number(counts.atRisk), watch: format.number(counts.watch), onTrack: format.number(counts.onTrack) })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
          <LevelChart counts={byLevel} />
          {items.length > 0 && <ProgressChart rows={items} />}
        </SimpleGrid>
      </Paper>
      <Group wrap="wrap" align="flex-end">
        <NativeSelect
          label={t('filters.level')}
          value={query.level ?? ''}
          onChange={(e) => {
            const level = (e.currentTarget.value || undefined) as RiskLevel | undefined;
            setQuery((q) => ({ ...q, page: 1, level }));
          }}
          data={[{ value: '', label: t('filters.allLevels') }, ...levels.map((l) => ({ value: l, label: t(`level.${l}`) }))]}
        />
        {manages && (
          <NativeSelect
            label={t('filters.mentor')}
            value={query.mentorId ?? ''}
            onChange={(e) => {
              const mentorId = e.currentTarget.value || undefined;
              setQuery((q) => ({ ...q, page: 1, mentorId }));
            }}
            data={[{ value: '', label: t('filters.allMentors') }, ...(mentors.data?.items ?? []).map((m) => ({ value: m.userId, label: m.displayName }))]}
          />
        )}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tabs.dashboard')}>
          {items.map((row) => <LearnerCard key={row.learnerId} cohortId={cohortId} row={row} />)}
        </Stack>
      )}
      <Pager page={query.page} pageSize={dashboard.data.pageSize} totalCount={dashboard.data.totalCount} onChange={(page) => setQuery((q) => ({ ...q, page }))} />
    </Stack>
  );
}

/** One learner: level and since when, the reasons as sentences, then the key signals in words. */
function LearnerCard({ cohortId, row }: { cohortId: string; row: LearnerFollowUp }) {
  const { t } = useTranslation('followUp');
  const format = useFormatters();
  const s = row.signals;
  const schedule = s.behindBy > 0 ? t('signals.behind', { count: s.behindBy }) : s.behindBy < 0 ? t('signals.ahead', { count: -s.behindBy }) : t('signals.onSchedule');
  const signals = [
    `${t('signals.progress', { done: format.number(s.activitiesDone), total: format.number(s.activitiesTotal) })} · ${schedule}`,
    t('signals.lastActivity', { when: s.lastActivityAt ? format.date(s.lastActivityAt) : t('signals.never') }),
    s.averageGrade != null && t('signals.average', { value: format.number(s.averageGrade) }),
    s.attendanceRate != null && t('signals.attendance', { value: format.number(s.attendanceRate) }),
    t('signals.posts', { count: s.forumPosts }),
    t(s.lastContactAt ? 'signals.contact' : 'signals.noContact', { count: s.daysWithoutContact }),
  ].filter((x): x is string => Boolean(x));
  return (
    <Paper component="li" withBorder p="sm" style={{ borderLeft: `4px solid ${levelColors[row.level]}` }} data-testid="follow-up-row">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Anchor component={Link} to={`/cohorts/${cohortId}/follow-up/learners/${row.learnerId}`} fw={600} aria-label={`${t('row.open')} : ${row.displayName}`}>
          {row.displayName}
        </Anchor>
        <Group gap="xs">
          <Badge color={levelColors[row.level]} variant="light">{t(`level.${row.level}`)}</Badge>
          {row.levelChangedAt && row.level !== 'OnTrack' && <Text size="xs" c="dimmed">{t('row.since', { date: format.date(row.levelChangedAt) })}</Text>}
        </Group>
      </Group>
      {row.reasons.length === 0 ? (
        <Text size="sm" c="dimmed">{t('row.noReason')}</Text>
      ) : (
        <ul aria-label={t('row.reasons')} style={{ margin: '4px 0', paddingLeft: '1.2em' }}>
          {row.reasons.map((r) => (
            <li key={r.rule}><Text size="sm" c={r.level === 'AtRisk' ? 'red.8' : 'orange.8'} span>{reasonText(r, t, format.number)}</Text></li>
          ))}
        </ul>
      )}
      <Text size="xs" c="dimmed">{signals.join(' · ')}</Text>
    </Paper>
  );
}

function RulesTab({ cohortId, manages }: { cohortId: string; manages: boolean }) {
  const loaded = useRiskRules(cohortId);
  // Bumped by "reload" after a 412: the form starts again from the rules as they are now.
  const [generation, setGeneration] = useState(0);
  if (loaded.isPending) return <LoadingState />;
  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  return (
    <RiskRulesForm
      key={generation}
      rules={loaded.data.rules}
      etag={loaded.data.etag}
      readOnly={!manages}
      onReload={() => void loaded.refetch().then(() => setGeneration((g) => g + 1))}
    />
  );
}
