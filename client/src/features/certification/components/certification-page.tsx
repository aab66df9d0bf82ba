import { Badge, Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Tabs, Text, Textarea, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { Pager } from '@/components/pager';
import { ProblemAlert } from '@/components/problem-alert';
import { unwrap } from '@/lib/api/api-client';
import { useApi } from '@/lib/api/api-context';
import { isApiError } from '@/lib/api/api-error';
import { can, useCohortAccess } from '@/lib/api/cohort-access';
import { useFormatters } from '@/lib/i18n/format';
import {
  type CertificateBatch,
  type CertificationRules,
  type EligibilityCriterion,
  type EligibilityQuery,
  type EligibilitySort,
  type LearnerEligibility,
  useCertificationHistory,
  useCertificationRules,
  useDownloadEligibilityCsv,
  useEligibility,
  useIssueCertificates,
  useRevokeCertificate,
  useUpdateCertificationRules,
} from '@/features/certification/api/certification';

const criteria = ['finalGrade', 'completion', 'attendance', 'assignments', 'competencies'] as const;
const sortable: Partial<Record<(typeof criteria)[number], EligibilitySort>> = { finalGrade: 'grade', completion: 'completion', attendance: 'attendance' };

/** /cohorts/:cohortId/certification: the staff's screen (a mentor sees the eligibility of their own learners). */
export function CertificationPage() {
  const { t } = useTranslation('certification');
  const { cohortId = '' } = useParams();
  const [tab, setTab] = useState<string | null>('eligibility');
  // A mentor reads their own learners' eligibility; the rules, issuing, revoking and the history are the staff's.
  const manages = can(useCohortAccess(cohortId).data, 'ActOnAllLearners');
  return (
    <Stack>
      <PageTitle>{t('pageTitle')}</PageTitle>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="eligibility">{t('tabs.eligibility')}</Tabs.Tab>
          {manages && <Tabs.Tab value="rules">{t('tabs.rules')}</Tabs.Tab>}
          {manages && <Tabs.Tab value="history">{t('tabs.history')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="eligibility" pt="md"><EligibilityTab cohortId={cohortId} manages={manages} /></Tabs.Panel>
        {manages && <Tabs.Panel value="rules" pt="md"><RulesTab cohortId={cohortId} /></Tabs.Panel>}
        {manages && <Tabs.Panel value="history" pt="md"><HistoryTab cohortId={cohortId} /></Tabs.Panel>}
      </Tabs>
    </Stack>
  );
}

function EligibilityTab({ cohortId, manages }: { cohortId: string; manages: boolean }) {
  const { t } = useTranslation('certification');
  const format = useFormatters();
  const [query, setQuery] = useState<EligibilityQuery>({ page: 1, sort: 'name', descending: false });
  const eligibility = useEligibility(cohortId, query);
  const issue = useIssueCertificates(cohortId);
  const csv = useDownloadEligibilityCsv(cohortId);
  const [confirmAll, setConfirmAll] = useState(false);
  const [batch, setBatch] = useState<CertificateBatch>();
  const [revoking, setRevoking] = useState<LearnerEligibility>();

  if (eligibility.isPending) return <LoadingState />;
  if (eligibility.isError) return <ErrorState error={eligibility.error} onRetry={() => void eligibility.refetch()} />;

  const sortBy = (sort: EligibilitySort) =>
    setQuery((q) => ({ ...q, page: 1, sort, descending: q.sort === sort ? !q.descending : sort !== 'name' }));
  const header = (label: string, sort?: EligibilitySort) =>
    sort ? (
      <UnstyledButton onClick={() => sortBy(sort)} aria-label={t('table.sortBy', { column: label })}>
        {label} {query.sort === sort ? (query.descending ? '↓' : '↑') : ''}
      </UnstyledButton>
    ) : label;
  const cell = (c: EligibilityCriterion, percent: boolean) => {
    if (!c.required) return <Text size="sm" c="dimmed">{c.value == null ? t('table.notRequired') : `${format.number(c.value)}${percent ? ' %' : ''}`}</Text>;
    const value = c.value == null ? t('table.none') : `${format.number(c.value)}${percent ? ' %' : ''}`;
    return (
      <Text size="sm" c={c.met ? 'teal' : 'red'}>
        {c.met ? '✓' : '✗'} {t('table.figure', { value, threshold: `${format.number(c.threshold ?? 0)}${percent ? ' %' : ''}` })}
      </Text>
    );
  };

  return (
    <Stack>
      <Group justify="space-between">
        <SegmentedControl
          aria-label={t('table.filter')}
          value={query.eligible === undefined ? 'all' : String(query.eligible)}
          onChange={(v) => setQuery((q) => ({ ...q, page: 1, eligible: v === 'all' ? undefined : v === 'true' }))}
          data={[{ value: 'all', label: t('table.all') }, { value: 'true', label: t('table.onlyEligible') }, { value: 'false', label: t('table.onlyNotEligible') }]}
        />
        <Group>
          <Button variant="light" loading={csv.isPending} onClick={() => csv.mutate()}>{t('table.export')}</Button>
          {manages && <Button onClick={() => setConfirmAll(true)}>{t('issue.all')}</Button>}
        </Group>
      </Group>
      {issue.isError && <ProblemAlert error={issue.error} />}
      {batch && <Text role="status">{t('issue.result', { issued: batch.issued.length, already: batch.alreadyCertified })}</Text>}
      <Table.ScrollContainer minWidth={900}>
        <Table striped aria-label={t('tabs.eligibility')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{header(t('table.learner'), 'name')}</Table.Th>
              {criteria.map((c) => <Table.Th key={c}>{header(t(`criteria.${c}`), sortable[c])}</Table.Th>)}
              <Table.Th>{header(t('table.eligible'), 'eligible')}</Table.Th>
              <Table.Th>{t('table.certificate')}</Table.Th>
              <Table.Th>{t('table.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {eligibility.data.items.map((row) => (
              <Table.Tr key={row.userId}>
                <Table.Td>{row.displayName}</Table.Td>
                {criteria.map((c) => <Table.Td key={c}>{cell(row.criteria[c], c !== 'assignments' && c !== 'competencies')}</Table.Td>)}
                <Table.Td>{row.eligible ? t('table.yes') : t('table.no')}</Table.Td>
                <Table.Td>
                  {row.certificate ? <Badge color={row.certificate.status === 'Valid' ? 'teal' : 'gray'}>{t(`status.${row.certificate.status}`)}</Badge> : t('table.none')}
                </Table.Td>
                <Table.Td>
                  {!manages ? null : row.certificate?.status === 'Valid' ? (
                    <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(row)}>{t('revoke.action')}</Button>
                  ) : (
                    row.eligible && (
                      <Button size="xs" variant="light" loading={issue.isPending && issue.variables !== undefined && 'userId' in issue.variables && issue.variables.userId === row.userId} onClick={() => issue.mutate({ userId: row.userId })}>{t('issue.one')}</Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Pager page={query.page} pageSize={eligibility.data.pageSize} totalCount={eligibility.data.totalCount} onChange={(page) => setQuery((q) => ({ ...q, page }))} />

      {confirmAll && (
        <Paper withBorder p="md" role="dialog" aria-label={t('issue.all')}>
          <Stack>
            <Text>{t('issue.confirmAll')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirmAll(false)}>{t('issue.cancel')}</Button>
              <Button
                loading={issue.isPending}
                onClick={() =>
                  issue.mutate({ allEligible: true }, { onSuccess: (result) => { setBatch(result as CertificateBatch); setConfirmAll(false); } })
                }
              >
                {t('issue.confirm')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {revoking?.certificate && <RevokeDialog cohortId={cohortId} learner={revoking} certificateId={revoking.certificate.id} onClose={() => setRevoking(undefined)} />}
    </Stack>
  );
}

function RevokeDialog({ cohortId, learner, certificateId, onClose }: { cohortId: string; learner: LearnerEligibility; certificateId: string; onClose: () => void }) {
  const { t } = useTranslation('certification');
  const revoke = useRevokeCertificate(cohortId);
  const [reason, setReason] = useState('');
  const already = isApiError(revoke.error) && revoke.error.code === 'certificate-revoked';
  return (
    <Paper withBorder p="md" role="dialog" aria-label={t('revoke.title', { name: learner.displayName })}>
      <Stack>
        <Title order={3} size="h4">{t('revoke.title', { name: learner.displayName })}</Title>
        <Textarea label={t('revoke.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={500} required autosize minRows={2} />
        {revoke.isError && (already ? <Text c="red">{t('revoke.already')}</Text> : <ProblemAlert error={revoke.error} />)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('issue.cancel')}</Button>
          <Button color="red" disabled={!reason.trim()} loading={revoke.isPending} onClick={() => revoke.mutate({ certificateId, reason: reason.trim() }, { onSuccess: onClose })}>
            {t('revoke.confirm')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The cohort's assignments and its course's competencies, to pick the required ones from. */
function useChoices(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['certification', cohortId, 'choices'],
    queryFn: async ({ signal }) => {
      const cohort = await unwrap(api.GET('/api/v1/cohorts/{cohortId}', { params: { path: { cohortId } }, signal }));
      const [assignments, course] = await Promise.all([
        unwrap(api.GET('/api/v1/cohorts/{cohortId}/assignments', { params: { path: { cohortId }, query: { pageSize: 100 } }, signal })),
        unwrap(api.GET('/api/v1/courses/{courseId}', { params: { path: { courseId: cohort.courseId } }, signal })),
      ]);
      return {
        assignments: assignments.items.filter((a) => a.isPublished).map((a) => ({ value: a.id, label: a.title })),
        competencies: course.competencies.map((c) => ({ value: c.code, label: `${c.code} · ${c.title}` })),
      };
    },
  });
}

function RulesTab({ cohortId }: { cohortId: string }) {
  const loaded = useCertificationRules(cohortId);
  const choices = useChoices(cohortId);
  // Held here, not in the form: the save's refetch brings a new version that remounts the form, and its "saved" must stay.
  const update = useUpdateCertificationRules(cohortId);
  if (loaded.isPending || choices.isPending) return <LoadingState />;
  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (choices.isError) return <ErrorState error={choices.error} onRetry={() => void choices.refetch()} />;
  return <RulesForm key={loaded.data.rules.version} update={update} rules={loaded.data.rules} etag={loaded.data.etag} choices={choices.data} />;
}

interface Choice {
  value: string;
  label: string;
}

/** The rules editor, filled from the rules read (a new version read remounts it). */
function RulesForm({ update, rules, etag, choices }: {
  update: ReturnType<typeof useUpdateCertificationRules>; rules: CertificationRules; etag?: string; choices: { assignments: Choice[]; competencies: Choice[] };
}) {
  const { t } = useTranslation('certification');
  const [draft, setDraft] = useState({
    minFinalGrade: (rules.minFinalGrade ?? '') as number | string,
    minCompletionPercent: (rules.minCompletionPercent ?? '') as number | string,
    minAttendancePercent: (rules.minAttendancePercent ?? '') as number | string,
    requiredAssignmentIds: [...rules.requiredAssignmentIds],
    requiredCompetencyCodes: [...rules.requiredCompetencyCodes],
  });
  const number = (v: number | string) => (v === '' ? null : Number(v));
  const stale = isApiError(update.error) && update.error.status === 412;
  return (
    <Stack maw={560}>
      <Text size="sm" c="dimmed">{t('rules.intro')}</Text>
      {(['minFinalGrade', 'minCompletionPercent', 'minAttendancePercent'] as const).map((field) => (
        <NumberInput key={field} label={t(`rules.${field}`)} min={0} max={100} decimalScale={field === 'minFinalGrade' ? 2 : 0}
          value={draft[field]} onChange={(v) => setDraft((d) => ({ ...d, [field]: v }))} />
      ))}
      <Checkbox.Group label={t('rules.requiredAssignmentIds')} value={draft.requiredAssignmentIds} onChange={(v) => setDraft((d) => ({ ...d, requiredAssignmentIds: v }))}>
        <Stack gap={4} mt="xs">{choices.assignments.map((a) => <Checkbox key={a.value} value={a.value} label={a.label} />)}</Stack>
      </Checkbox.Group>
      <Checkbox.Group label={t('rules.requiredCompetencyCodes')} value={draft.requiredCompetencyCodes} onChange={(v) => setDraft((d) => ({ ...d, requiredCompetencyCodes: v }))}>
        <Stack gap={4} mt="xs">{choices.competencies.map((c) => <Checkbox key={c.value} value={c.value} label={c.label} />)}</Stack>
      </Checkbox.Group>
      {update.isError && (stale ? <Text c="red">{t('rules.stale')}</Text> : <ProblemAlert error={update.error} />)}
      {update.isSuccess && <Text role="status" c="teal">{t('rules.saved')}</Text>}
      <Button style={{ alignSelf: 'flex-start' }} loading={update.isPending}
        onClick={() => update.mutate({
          etag,
          body: {
            minFinalGrade: number(draft.minFinalGrade), minCompletionPercent: number(draft.minCompletionPercent), minAttendancePercent: number(draft.minAttendancePercent),
            requiredAssignmentIds: draft.requiredAssignmentIds, requiredCompetencyCodes: draft.requiredCompetencyCodes,
          },
        })}
      >
        {t('rules.save')}
      </Button>
    </Stack>
  );
}

function HistoryTab({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation('certification');
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const history = useCertificationHistory(cohortId, page);
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.items.length === 0) return <Text c="dimmed">{t('history.empty')}</Text>;
  return (
    <Stack>
      <Table striped aria-label={t('tabs.history')}>
        <Table.Tbody>
          {history.data.items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{format.dateTime(e.at)}</Table.Td>
              <Table.Td>{t(`history.${e.action}`, { actor: e.actorName, holder: e.holderName, reason: e.reason ?? '' })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager page={page} pageSize={history.data.pageSize} totalCount={history.data.totalCount} onChange={setPage} />
    </Stack>
  );
}
