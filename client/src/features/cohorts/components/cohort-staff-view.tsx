import { Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageTitle } from '@/components/page-title';
import { useFormatters } from '@/lib/i18n/format';
import { can, type Cohort } from '@/features/cohorts/api/cohorts';
import { ApplicationsTab } from './applications-tab';
import { CohortFacts } from './cohort-facts';
import { EnrolmentsTab } from './enrolments-tab';
import { GroupsTab } from './groups-tab';
import { InvitationsTab } from './invitations-tab';
import { MembersTab } from './members-tab';
import { SettingsTab } from './settings-tab';
import { hasPublicPage } from '@/features/cohorts/api/public-cohort';
import { CopyPublicLink } from './copy-public-link';

type TabKey = 'applications' | 'members' | 'waitlist' | 'invitations' | 'enrolments' | 'groups' | 'settings';

/** The tabs that make sense for the cohort's admission mode, among those the caller's capabilities open. */
function tabsFor(cohort: Pick<Cohort, 'admissionMode' | 'capabilities'>): TabKey[] {
  const byMode: Record<Cohort['admissionMode'], TabKey[]> = {
    Application: ['applications', 'members', 'waitlist', 'groups', 'settings'],
    InviteOnly: ['invitations', 'members', 'groups', 'settings'],
    OrganizationEnrollment: ['enrolments', 'members', 'groups', 'settings'],
  };
  const opens: Record<TabKey, boolean> = {
    applications: can(cohort, 'DecideApplications'),
    waitlist: can(cohort, 'DecideApplications'),
    invitations: can(cohort, 'ManageInvitations'),
    enrolments: can(cohort, 'EnrolLearners') || can(cohort, 'EnrolOwnPeople'),
    members: can(cohort, 'ViewInside'),
    groups: can(cohort, 'ViewInside'),
    settings: can(cohort, 'ManageSettings'),
  };
  return byMode[cohort.admissionMode].filter((tab) => opens[tab]);
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text fw={700} fz="xl" component="dd" m={0} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/**
 * The workspace for one cohort: seats in the header, then one tab per task the caller may do. A mentor sees the roster
 * and groups (acting on their own learners), a partner organisation's admin enrols their own people, nothing else.
 */
export function CohortStaffView({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation(['cohorts', 'common', 'assessment', 'forum', 'calendar', 'sessions', 'certification', 'skills', 'followUp']);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const tabs = tabsFor(cohort);
  const requested = params.get('tab') as TabKey | null;
  const first: TabKey = tabs[0] ?? 'members';
  const active: TabKey = requested && tabs.includes(requested) ? requested : first;

  return (
    <Stack>
      <PageTitle>{cohort.title}</PageTitle>
      <Group justify="space-between" align="flex-start">
        <CohortFacts cohort={cohort} showWindow={cohort.admissionMode === 'Application'} showSeats={false} />
        {can(cohort, 'ViewInside') && (
          <Group gap="xs">
            <Button component={Link} to={`/cohorts/${cohort.id}/assignments`} variant="light">
              {t('assessment:list.cohortLink')}
            </Button>
            <Button component={Link} to={`/cohorts/${cohort.id}/progress`} variant="light">
              {t('staff.progress')}
            </Button>
            <Button component={Link} to={`/cohorts/${cohort.id}/forum`} variant="light">
              {t('forum:link')}
            </Button>
            <Button component={Link} to={`/cohorts/${cohort.id}/calendar`} variant="light">
              {t('calendar:link')}
            </Button>
            <Button component={Link} to={`/cohorts/${cohort.id}/sessions`} variant="light">
              {t('sessions:link')}
            </Button>
            {(can(cohort, 'ActOnAllLearners') || can(cohort, 'ActOnOwnMentees')) && (
              <Button component={Link} to={`/cohorts/${cohort.id}/gradebook`} variant="light">
                {t('assessment:gradebook.link')}
              </Button>
            )}
            {(can(cohort, 'ActOnAllLearners') || can(cohort, 'ActOnOwnMentees')) && (
              <Button component={Link} to={`/cohorts/${cohort.id}/certification`} variant="light">
                {t('certification:link')}
              </Button>
            )}
            {(can(cohort, 'ActOnAllLearners') || can(cohort, 'ActOnOwnMentees')) && (
              <Button component={Link} to={`/cohorts/${cohort.id}/follow-up`} variant="light">
                {t('followUp:link')}
              </Button>
            )}
            {can(cohort, 'ActOnAllLearners') && (
              <Button component={Link} to={`/cohorts/${cohort.id}/skills`} variant="light">
                {t('skills:link')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {can(cohort, 'ManageSettings') && hasPublicPage(cohort) && <CopyPublicLink cohortId={cohort.id} />}
      <SimpleGrid cols={{ base: 2, sm: 4 }} component="dl" m={0} aria-label={t('staff.seatsTitle')}>
        <Stat label={t('staff.seatsTaken')} value={`${format.number(cohort.seatsTaken)} / ${format.number(cohort.capacity)}`} testId="seats-taken" />
        <Stat label={t('staff.seatsLeft')} value={format.number(cohort.seatsLeft)} testId="seats-left" />
        <Stat label={t('staff.waitlist')} value={format.number(cohort.waitlistLength)} testId="waitlist-length" />
        <Stat label={t('staff.mode')} value={t(`mode.${cohort.admissionMode}`)} testId="admission-mode" />
      </SimpleGrid>
      <Tabs
        value={active}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          next.set('tab', value ?? first);
          setParams(next, { replace: true });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('staff.tabsLabel')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`staff.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="applications" pt="md">
          <ApplicationsTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="waitlist" pt="md">
          <ApplicationsTab cohort={cohort} fixedStatus="Waitlisted" />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <MembersTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="enrolments" pt="md">
          <EnrolmentsTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          <GroupsTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <SettingsTab cohort={cohort} />
        </Tabs.Panel>
      </Tabs>
      <Button component={Link} to="/cohorts" variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('staff.backToList')}
      </Button>
    </Stack>
  );
}
