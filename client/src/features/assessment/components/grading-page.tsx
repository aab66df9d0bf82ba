import { Alert, Badge, Button, Group, List, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import { useFormatters } from '@/lib/i18n/format';
import {
  latestAttempts,
  useAssignment,
  useDownloadSubmissionFile,
  useGradeSubmission,
  useLearnerNames,
  useSubmission,
  useSubmissions,
  type Assignment,
  type GradeStatus,
  type Submission,
} from '@/features/assessment/api/assessment';
import { ServerHtml } from './server-html';

/** Keys typed into a field are the text's, not the grader's shortcuts. */
function typingIn(target: EventTarget | null) {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function Work({ assignment, submissionId }: { assignment: Assignment; submissionId: string }) {
  const { t } = useTranslation('assessment');
  const submission = useSubmission(submissionId);
  const download = useDownloadSubmissionFile(submissionId);
  if (submission.isPending) return <LoadingState />;
  if (submission.isError) return <ErrorState error={submission.error} onRetry={() => void submission.refetch()} />;
  const work = submission.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="work-title">
      <Title order={2} size="h4" id="work-title" mb="xs">
        {t('grading.work')}
      </Title>
      {work.isLate && <Badge color="yellow">{t('result.late', { count: work.daysLate })}</Badge>}
      {work.textHtml && <ServerHtml html={work.textHtml} testId="work-text" />}
      {work.fileIds.map((fileId, index) => (
        <Button key={fileId} variant="default" size="xs" mt="xs" loading={download.isPending} onClick={() => download.mutate(fileId)}>
          {t('file.download', { number: index + 1 })}
        </Button>
      ))}
      {download.isError && <ProblemAlert error={download.error} />}
      {assignment.kind === 'Quiz' && (
        <List aria-label={t('grading.answers')}>
          {assignment.questions.map((question, index) => {
            const answer = work.answers.find((a) => a.questionIndex === index);
            const given = answer?.value ?? answer?.choiceIndexes?.map((i) => question.choices?.[i]?.text ?? '?').join(', ');
            return (
              <List.Item key={index}>
                {question.prompt} — {given || t('grading.noAnswer')}
              </List.Item>
            );
          })}
        </List>
      )}
      {work.score != null && <Text mt="xs">{t('result.quizScore', { score: work.score, max: assignment.maxPoints })}</Text>}
    </Paper>
  );
}

/**
 * The grade of one submission. The grader's text lives here, keyed by the submission: a 412 (someone else graded it
 * meanwhile) offers to reload their version, and what this grader typed stays in the fields to be reused.
 */
function GradeForm({ assignment, submissionId }: { assignment: Assignment; submissionId: string }) {
  const submission = useSubmission(submissionId);
  if (!submission.data) return null;
  return <GradeFields assignment={assignment} submission={submission.data} reload={() => void submission.refetch()} />;
}

function GradeFields({ assignment, submission, reload }: { assignment: Assignment; submission: Submission; reload: () => void }) {
  const { t } = useTranslation('assessment');
  const grade = submission.grade;
  const save = useGradeSubmission(submission.id);
  const [score, setScore] = useState<number | string>(grade?.score ?? submission.score ?? '');
  const [feedback, setFeedback] = useState(grade?.feedback ?? '');
  const [overrideReason, setOverrideReason] = useState(grade?.overrideReason ?? '');
  const stale = isApiError(save.error) && save.error.status === 412;
  const quiz = assignment.kind === 'Quiz';
  const computed = submission.score;
  const overridden = quiz && computed != null && score !== '' && Number(score) !== computed;

  const send = (status: GradeStatus) =>
    save.mutate({
      body: { score: score === '' ? null : Number(score), feedback, status, overrideReason: overridden ? overrideReason : null },
      etag: grade?.etag ?? null,
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="grade-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="grade-title">
            {t('submissions.status')}
          </Title>
          <Text size="sm" c="dimmed" data-testid="grade-status">
            {t('grading.currentStatus', { status: grade ? t(`gradeStatus.${grade.status}`) : t('grading.notGradedYet') })}
          </Text>
        </Group>
        {stale ? (
          <Alert color="orange" role="alert" title={t('grading.stale')}>
            <Button
              mt="xs"
              size="xs"
              variant="default"
              onClick={() => {
                save.reset();
                reload();
              }}
            >
              {t('grading.reload')}
            </Button>
          </Alert>
        ) : (
          save.isError && <ProblemAlert error={save.error} />
        )}
        {save.isSuccess && !save.isPending && (
          <Alert color="green" variant="light" role="status">
            {t('grading.saved', { status: t(`gradeStatus.${save.data.status}`) })}
          </Alert>
        )}
        <NumberInput label={t('grading.score', { max: assignment.maxPoints })} min={0} max={assignment.maxPoints} decimalScale={2} value={score} onChange={setScore} />
        {overridden && <TextInput label={t('grading.overrideReason')} required value={overrideReason} onChange={(event) => setOverrideReason(event.currentTarget.value)} />}
        <Textarea label={t('grading.feedback')} autosize minRows={5} value={feedback} onChange={(event) => setFeedback(event.currentTarget.value)} />
        <Group>
          <Button variant="default" loading={save.isPending} onClick={() => send('Draft')}>
            {t('grading.saveDraft')}
          </Button>
          <Button loading={save.isPending} onClick={() => send('Released')}>
            {t('grading.release')}
          </Button>
          <Button color="orange" variant="light" loading={save.isPending} onClick={() => send('ReturnedForRevision')}>
            {t('grading.returnForRevision')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The grading screen (as Canvas's SpeedGrader): one learner's latest attempt beside its grade, previous/next through the
 * assignment's learners, and J/K (or the arrows) outside text fields. The current submission is in the address (?submission=).
 */
export function GradingPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation(['assessment', 'common']);
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const assignment = useAssignment(assignmentId);
  const submissions = useSubmissions(assignmentId);
  const names = useLearnerNames(assignment.data?.assignment.cohortId);
  const queue = submissions.data ? latestAttempts(submissions.data.items) : [];
  const requested = params.get('submission');
  const index = Math.max(0, queue.findIndex((s) => s.id === requested));
  const current = queue[index];

  const go = (to: number) => {
    const target = queue[to];
    if (target) setParams({ submission: target.id }, { replace: true });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typingIn(event.target)) return;
      if (event.key === 'j' || event.key === 'ArrowRight') go(index + 1);
      else if (event.key === 'k' || event.key === 'ArrowLeft') go(index - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (assignment.isPending || submissions.isPending) return <LoadingState />;
  if (assignment.isError) return <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />;
  if (submissions.isError) return <ErrorState error={submissions.error} onRetry={() => void submissions.refetch()} />;
  const { assignment: subject } = assignment.data;

  return (
    <Stack>
      <PageTitle>{t('grading.title', { title: subject.title })}</PageTitle>
      {!current ? (
        <Text c="dimmed">{t('grading.empty')}</Text>
      ) : (
        <>
          <Group justify="space-between" component="nav" aria-label={t('grading.learnersLabel')}>
            <Button variant="default" disabled={index === 0} onClick={() => go(index - 1)}>
              {t('grading.previous')}
            </Button>
            <Stack gap={0} align="center">
              <Text fw={700} data-testid="grading-learner">
                {names.data?.get(current.authorId) ?? t('submissions.unknownLearner')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('grading.position', { index: index + 1, total: queue.length })} · {format.dateTime(current.submittedAt)}
              </Text>
            </Stack>
            <Button variant="default" disabled={index >= queue.length - 1} onClick={() => go(index + 1)}>
              {t('grading.next')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed" id="grading-shortcuts">
            {t('grading.shortcuts')}
          </Text>
          <Work assignment={subject} submissionId={current.id} />
          <GradeForm key={current.id} assignment={subject} submissionId={current.id} />
        </>
      )}
    </Stack>
  );
}
