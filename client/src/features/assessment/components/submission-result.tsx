import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';
import type { Assignment, Submission } from '@/features/assessment/api/assessment';
import { RubricFeedback } from './rubric-feedback';
import { ServerHtml } from './server-html';

/** The expected answer of a question, as the API sends it to learners once their due date has passed. */
function expected(question: Assignment['questions'][number]): string {
  if (question.type === 'Numeric') return question.tolerance ? `${question.answer} ± ${question.tolerance}` : `${question.answer}`;
  if (question.type === 'ShortText') return (question.accepted ?? []).join(' / ');
  return (question.choices ?? []).filter((choice) => choice.correct).map((choice) => choice.text).join(', ');
}

/** Each question with the learner's answer and, the due date passed, the expected one. */
function QuizReview({ assignment, submission }: { assignment: Assignment; submission: Submission }) {
  const { t } = useTranslation('assessment');
  return (
    <List aria-label={t('grading.answers')}>
      {assignment.questions.map((question, index) => {
        const answer = submission.answers.find((a) => a.questionIndex === index);
        const given = answer?.value ?? answer?.choiceIndexes?.map((i) => question.choices?.[i]?.text ?? '?').join(', ');
        return (
          <List.Item key={index}>
            <Text size="sm">
              {question.prompt} — {given || t('grading.noAnswer')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('quiz.correctAnswer', { answer: expected(question) })}
            </Text>
          </List.Item>
        );
      })}
    </List>
  );
}

/**
 * The learner's latest attempt: when and how late, a quiz's computed score, and once staff released or returned it, the
 * grade and the overall feedback (the API never sends a draft to its author).
 */
export function SubmissionResult({ assignment, submission }: { assignment: Assignment; submission: Submission }) {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  const grade = submission.grade;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="result-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="result-title">
          {t('result.title')}
        </Title>
        <Group gap="xs">
          <Text size="sm">{t('result.attempt', { attempt: submission.attempt, date: format.dateTime(submission.submittedAt) })}</Text>
          {submission.isLate && <Badge color="yellow">{t('result.late', { count: submission.daysLate })}</Badge>}
          {submission.penaltyPercent > 0 && <Badge color="orange">{t('result.penalty', { percent: submission.penaltyPercent })}</Badge>}
        </Group>
        {submission.textHtml && (
          <>
            <Title order={3} size="h5">
              {t('result.yourText')}
            </Title>
            <ServerHtml html={submission.textHtml} />
          </>
        )}
        {submission.fileIds.length > 0 && <Text size="sm">{t('file.handedIn', { count: submission.fileIds.length })}</Text>}
        {assignment.kind === 'Quiz' && assignment.answersShown && <QuizReview assignment={assignment} submission={submission} />}
        {submission.score != null && !grade && (
          <Text fw={600} data-testid="quiz-score">
            {t('result.quizScore', { score: format.number(submission.score), max: format.number(assignment.maxPoints) })}
          </Text>
        )}
        {grade ? (
          <Stack gap="xs">
            {grade.status === 'ReturnedForRevision' && (
              <Alert color="orange" variant="light">
                {t('result.returned')}
              </Alert>
            )}
            {grade.status === 'Released' && (
              <Text fw={700} fz="lg" data-testid="grade-score">
                {t('result.score', { score: format.number(grade.score), max: format.number(assignment.maxPoints) })}
              </Text>
            )}
            {grade.status !== 'Draft' && grade.rubricScores.length > 0 && <RubricFeedback scores={grade.rubricScores} />}
            {grade.feedbackHtml && (
              <>
                <Title order={3} size="h5">
                  {t('result.feedback')}
                </Title>
                <ServerHtml html={grade.feedbackHtml} testId="feedback" />
              </>
            )}
          </Stack>
        ) : (
          assignment.kind !== 'Quiz' && <Text c="dimmed">{t('result.awaiting')}</Text>
        )}
      </Stack>
    </Paper>
  );
}
