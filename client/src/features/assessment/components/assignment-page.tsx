import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { useSession } from '@/lib/auth/session-context';
import { useFormatters } from '@/lib/i18n/format';
import {
  useAssignment,
  useCreateSubmission,
  useMyAssignments,
  useSubmission,
  type Assignment,
  type MyAssignment,
} from '@/features/assessment/api/assessment';
import { useCohortGroups } from '@/features/assessment/api/rubrics';
import { can, useCohortAccess } from '@/lib/api/cohort-access';
import { FileSubmission } from './file-submission';
import { quizStorageKey } from './quiz-answers';
import { QuizPlayer } from './quiz-player';
import { ServerHtml } from './server-html';
import { SubmissionResult } from './submission-result';

/** Why the learner may not hand in (again), or null when they may: the same rules the API enforces. */
function closedReason(
  assignment: Assignment,
  state: MyAssignment | undefined,
): 'page.closed' | 'page.noMoreAttempts' | 'page.noResubmission' | null {
  if (state?.isPastDue && assignment.latePolicy === 'Refuse') return 'page.closed';
  const attempts = state?.attempts ?? 0;
  if (assignment.maxAttempts != null && attempts >= assignment.maxAttempts) return 'page.noMoreAttempts';
  if (attempts > 0 && !assignment.allowResubmission && state?.gradeStatus !== 'ReturnedForRevision') return 'page.noResubmission';
  return null;
}

function TextSubmission({ pending, onSubmit }: { pending: boolean; onSubmit: (text: string) => void }) {
  const { t } = useTranslation('assessment');
  const [text, setText] = useState('');
  return (
    <Stack
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) onSubmit(text);
      }}
    >
      <Textarea label={t('text.label')} description={t('text.hint')} autosize minRows={6} maxLength={50_000} value={text} onChange={(event) => setText(event.currentTarget.value)} required />
      <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
        {t('text.submit')}
      </Button>
    </Stack>
  );
}

/** A group project: an optional text and an optional file, handed in once for the whole group. */
function GroupSubmission({ pending, onSubmit }: { pending: boolean; onSubmit: (body: { text: string | null; fileIds: string[] }) => void }) {
  const { t } = useTranslation('assessment');
  const [text, setText] = useState('');
  return (
    <Stack>
      <Text size="sm">{t('groupProject.onceForGroup')}</Text>
      <Textarea label={t('text.label')} description={t('text.hint')} autosize minRows={4} maxLength={50_000} value={text} onChange={(event) => setText(event.currentTarget.value)} />
      <FileSubmission
        optional
        pending={pending}
        submitLabel={t('groupProject.submit')}
        onSubmit={(fileIds) => (text.trim() || fileIds.length) && onSubmit({ text: text.trim() ? text : null, fileIds })}
      />
    </Stack>
  );
}

/** What the learner hands in: the quiz player, a text, a file or a group's work, depending on the kind. */
function HandIn({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation('assessment');
  const { user } = useSession();
  const submit = useCreateSubmission(assignment.id);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="hand-in-title">
      <Title order={2} size="h4" id="hand-in-title" mb="sm">
        {t('page.yourWork')}
      </Title>
      {submit.isError && <ProblemAlert error={submit.error} />}
      {submit.isSuccess && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('page.submitted', { attempt: submit.data.attempt })}
        </Alert>
      )}
      {assignment.kind === 'Quiz' && user && (
        <QuizPlayer
          questions={assignment.questions}
          storageKey={quizStorageKey(user.id, assignment.id)}
          pending={submit.isPending}
          // mutateAsync resolves even when the refetch after success has remounted this form (mutate's own callbacks would then be skipped).
          onSubmit={(answers, done) => void submit.mutateAsync({ answers }).then(done, () => undefined)}
        />
      )}
      {assignment.kind === 'Text' && <TextSubmission pending={submit.isPending} onSubmit={(text) => submit.mutate({ text })} />}
      {assignment.kind === 'File' && <FileSubmission pending={submit.isPending} onSubmit={(fileIds) => submit.mutate({ fileIds })} />}
      {assignment.kind === 'GroupProject' && <GroupSubmission pending={submit.isPending} onSubmit={(body) => submit.mutate(body)} />}
    </Paper>
  );
}

/** A group project: the caller's group and its members, and who handed the group's work in. */
function MyGroup({ assignment, handedInBy }: { assignment: Assignment; handedInBy: string | undefined }) {
  const { t } = useTranslation('assessment');
  const { user } = useSession();
  const groups = useCohortGroups(assignment.cohortId);
  if (groups.isPending) return <LoadingState />;
  if (groups.isError) return <ProblemAlert error={groups.error} />;
  const group = groups.data.find((g) => g.members.some((m) => m.userId === user?.id));
  if (!group) return <Alert color="orange" variant="light">{t('groupProject.noGroup')}</Alert>;
  const by = group.members.find((m) => m.userId === handedInBy);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="group-title">
      <Title order={2} size="h5" id="group-title">
        {t('groupProject.members', { name: group.name })}
      </Title>
      <List aria-label={t('groupProject.membersLabel', { name: group.name })}>
        {group.members.map((member) => (
          <List.Item key={member.userId}>{member.displayName}</List.Item>
        ))}
      </List>
      {by && (
        <Text size="sm" mt="xs" data-testid="handed-in-by">
          {t('groupProject.handedInBy', { name: by.displayName })}
        </Text>
      )}
    </Paper>
  );
}

function LearnerWork({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation('assessment');
  const mine = useMyAssignments({ cohortId: assignment.cohortId });
  const state = mine.data?.items.find((item) => item.assignmentId === assignment.id);
  const last = useSubmission(state?.lastSubmissionId);
  if (mine.isPending) return <LoadingState />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  const closed = closedReason(assignment, state);
  return (
    <Stack>
      {assignment.kind === 'GroupProject' && <MyGroup assignment={assignment} handedInBy={last.data ? (last.data.handedInBy ?? last.data.authorId) : undefined} />}
      {last.data && <SubmissionResult assignment={assignment} submission={last.data} />}
      {last.isError && <ProblemAlert error={last.error} />}
      {closed ? <Text c="dimmed">{t(closed)}</Text> : <HandIn key={state?.attempts ?? 0} assignment={assignment} />}
    </Stack>
  );
}

/** One assignment: its instructions (sanitised Markdown), dates and rules; a learner hands in and reads their result here. */
export function AssignmentPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const query = useAssignment(assignmentId);
  const cohort = useCohortAccess(query.data?.assignment.cohortId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { assignment } = query.data;
  const learner = can(cohort.data, 'Learn');
  const staff = can(cohort.data, 'ManageAssignments') || can(cohort.data, 'ActOnAllLearners') || can(cohort.data, 'ActOnOwnMentees');

  return (
    <Stack>
      <PageTitle>{assignment.title}</PageTitle>
      <Group gap="xs">
        <Badge variant="light">{t(`kind.${assignment.kind}`)}</Badge>
        <Badge variant="outline">{t('page.category', { category: assignment.category })}</Badge>
        {!assignment.isPublished && <Badge color="gray">{t('state.draft')}</Badge>}
      </Group>
      <Stack gap={2}>
        <Text>{t('page.due', { date: format.dateTime(assignment.dueAt) })}</Text>
        {assignment.yourDueAt && assignment.yourDueAt !== assignment.dueAt && (
          <Text fw={600} data-testid="your-due">
            {t('page.yourDue', { date: format.dateTime(assignment.yourDueAt) })}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {t('page.maxPoints', { points: format.number(assignment.maxPoints) })} · {t(`page.latePolicy.${assignment.latePolicy}`, { percent: assignment.latePenaltyPercentPerDay })}
        </Text>
      </Stack>
      {assignment.instructionsHtml && (
        <Paper withBorder p="lg" component="section" aria-labelledby="instructions-title">
          <Title order={2} size="h4" id="instructions-title" mb="xs">
            {t('page.instructions')}
          </Title>
          <ServerHtml html={assignment.instructionsHtml} testId="instructions" />
        </Paper>
      )}
      {learner && <LearnerWork assignment={assignment} />}
      {staff && (
        <Group>
          <Text c="dimmed">{t('page.staffHint')}</Text>
          {can(cohort.data, 'ManageAssignments') && (
            <Button component={Link} to={`/assignments/${assignment.id}/edit`} variant="default">
              {t('list.edit')}
            </Button>
          )}
          <Button component={Link} to={`/assignments/${assignment.id}/submissions`} variant="light">
            {t('list.submissions')}
          </Button>
        </Group>
      )}
      <Button component={Link} to={`/cohorts/${assignment.cohortId}/assignments`} variant="subtle" style={{ alignSelf: 'flex-start' }}>
        {t('page.backToList')}
      </Button>
    </Stack>
  );
}
