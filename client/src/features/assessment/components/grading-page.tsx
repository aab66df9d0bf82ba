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
  onePerHandIn,
  useAssignment,
  useDownloadSubmissionFile,
  useGradeSubmission,
  useLearnerNames,
  useSubmission,
  useLatestSubmissions,
  type Assignment,
  type GradeStatus,
  type Submission,
} from '@/features/assessment/api/assessment';
import { rubricScore, useCohortGroups } from '@/features/assessment/api/rubrics';
import { GroupAdjustments, RubricClicks, type Adjustment, type Choice } from './rubric-grading';
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
function GradeForm({ assignment, submissionId, group }: { assignment: Assignment; submissionId: string; group?: GroupOfWork }) {
  const submission = useSubmission(submissionId);
  if (!submission.data) return null;
  return <GradeFields assignment={assignment} submission={submission.data} group={group} reload={() => void submission.refetch()} />;
}

/** A group's hand-in: the group, and each member's own copy of the attempt (their current adjustment is in its grade). */
type GroupOfWork = { name: string; members: { userId: string; displayName: string }[]; copies: Submission[] };

function GradeFields({ assignment, submission, group, reload }: { assignment: Assignment; submission: Submission; group?: GroupOfWork; reload: () => void }) {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  const grade = submission.grade;
  const save = useGradeSubmission(submission.id);
  const criteria = assignment.rubric?.criteria ?? [];
  // With a rubric the score field stays empty (the rubric's score) unless the grader overrode it.
  const [score, setScore] = useState<number | string>(criteria.length && !grade?.overrideReason ? '' : (grade?.score ?? submission.score ?? ''));
  const [feedback, setFeedback] = useState(grade?.feedback ?? '');
  const [overrideReason, setOverrideReason] = useState(grade?.overrideReason ?? '');
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries((grade?.rubricScores ?? []).map((s) => [s.criterionId, { levelId: s.levelId, comment: s.comment ?? '' }])),
  );
  const [adjustments, setAdjustments] = useState<Record<string, Adjustment>>(() =>
    Object.fromEntries(
      (group?.copies ?? []).map((copy) => [copy.authorId, { points: copy.grade?.adjustment || '', reason: copy.grade?.adjustmentReason ?? '' }]),
    ),
  );
  const stale = isApiError(save.error) && save.error.status === 412;
  const quiz = assignment.kind === 'Quiz';
  const chosen = criteria.flatMap((criterion) => {
    const level = criterion.levels.find((l) => l.id !== undefined && l.id === choices[criterion.id ?? '']?.levelId);
    return level ? [level.points] : [];
  });
  const missing = criteria.filter((criterion) => !choices[criterion.id ?? '']?.levelId);
  const computed = quiz ? submission.score : chosen.length ? rubricScore(criteria, chosen, assignment.maxPoints) : null;
  const overridden = computed != null && score !== '' && Number(score) !== computed;

  const send = (status: GradeStatus) =>
    save.mutate({
      body: {
        score: score === '' ? (criteria.length ? null : computed) : Number(score),
        feedback,
        status,
        overrideReason: overridden ? overrideReason : null,
        rubricScores: criteria.length
          ? criteria.flatMap((c) => {
              const choice = choices[c.id ?? ''];
              return c.id && choice?.levelId ? [{ criterionId: c.id, levelId: choice.levelId, comment: choice.comment.trim() || null }] : [];
            })
          : null,
        adjustments: group
          ? Object.entries(adjustments)
              .filter(([, a]) => a.points !== '' && Number(a.points) !== 0)
              .map(([learnerId, a]) => ({ learnerId, points: Number(a.points), reason: a.reason.trim() }))
          : null,
      },
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
        {criteria.length > 0 && (
          <>
            <RubricClicks criteria={criteria} choices={choices} onChange={(id, choice) => setChoices((current) => ({ ...current, [id]: choice }))} />
            <Text fw={700} data-testid="rubric-score" aria-live="polite">
              {t('rubric.computed', { score: computed == null ? '–' : format.number(computed), max: format.number(assignment.maxPoints) })}
            </Text>
          </>
        )}
        <NumberInput
          label={t('grading.score', { max: assignment.maxPoints })}
          description={criteria.length ? t('rubric.scoreHint') : undefined}
          placeholder={computed == null ? undefined : String(computed)}
          min={0}
          max={assignment.maxPoints}
          decimalScale={2}
          value={score}
          onChange={setScore}
        />
        {overridden && <TextInput label={t('grading.overrideReason')} required value={overrideReason} onChange={(event) => setOverrideReason(event.currentTarget.value)} />}
        <Textarea label={t('grading.feedback')} autosize minRows={5} value={feedback} onChange={(event) => setFeedback(event.currentTarget.value)} />
        {group && (
          <GroupAdjustments
            groupName={group.name}
            members={group.members}
            adjustments={adjustments}
            onChange={(userId, adjustment) => setAdjustments((current) => ({ ...current, [userId]: adjustment }))}
          />
        )}
        {criteria.length > 0 && missing.length > 0 && (
          <Text size="sm" c="orange.8" id="release-needs">
            {t('rubric.missing', { criteria: missing.map((c) => `« ${c.title} »`).join(', ') })}
          </Text>
        )}
        <Group>
          <Button variant="default" loading={save.isPending} onClick={() => send('Draft')}>
            {t('grading.saveDraft')}
          </Button>
          <Button
            loading={save.isPending}
            disabled={criteria.length > 0 && missing.length > 0}
            aria-describedby={missing.length > 0 ? 'release-needs' : undefined}
            onClick={() => send('Released')}
          >
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
  const submissions = useLatestSubmissions(assignmentId);
  const names = useLearnerNames(assignment.data?.assignment.cohortId);
  const groupProject = assignment.data?.assignment.kind === 'GroupProject';
  const groups = useCohortGroups(assignment.data?.assignment.cohortId, groupProject);
  const latest = submissions.data ?? [];
  // Every page of the assignment's latest attempts: J/K walks through all of them; a group's hand-in once.
  const queue = onePerHandIn(latest);
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
  const group = current?.groupId ? groups.data?.find((g) => g.id === current.groupId) : undefined;
  const groupOfWork = group && current ? { name: group.name, members: group.members, copies: latest.filter((s) => s.groupId === group.id) } : undefined;

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
                {groupOfWork ? t('groupProject.group', { name: groupOfWork.name }) : (names.data?.get(current.authorId) ?? t('submissions.unknownLearner'))}
              </Text>
              {groupOfWork && (
                <Text size="sm" aria-label={t('groupProject.membersLabel', { name: groupOfWork.name })}>
                  {groupOfWork.members.map((m) => m.displayName).join(', ')}
                  {' · '}
                  {t('groupProject.handedInBy', { name: groupOfWork.members.find((m) => m.userId === (current.handedInBy ?? current.authorId))?.displayName ?? '?' })}
                </Text>
              )}
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
          <GradeForm key={`${current.id}${groupOfWork ? '+group' : ''}`} assignment={subject} submissionId={current.id} group={groupOfWork} />
        </>
      )}
    </Stack>
  );
}
