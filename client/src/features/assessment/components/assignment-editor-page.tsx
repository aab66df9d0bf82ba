import { ActionIcon, Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ErrorState } from '@/components/error-state';
import { LoadingState } from '@/components/loading-state';
import { PageTitle } from '@/components/page-title';
import { ProblemAlert } from '@/components/problem-alert';
import { isApiError } from '@/lib/api/api-error';
import {
  useAssignment,
  useCreateAssignment,
  useUpdateAssignment,
  type Assignment,
  type AssignmentBody,
  type AssignmentKind,
  type LatePolicy,
  type QuestionType,
  type QuizQuestion,
} from '@/features/assessment/api/assessment';
import { levelsIncrease } from '@/features/assessment/api/rubrics';
import { RubricBuilder } from './rubric-builder';

const kinds: AssignmentKind[] = ['Quiz', 'Text', 'File', 'GroupProject'];
const latePolicies: LatePolicy[] = ['AcceptAndFlag', 'PenaltyPerDay', 'Refuse'];
const questionTypes: QuestionType[] = ['SingleChoice', 'MultipleChoice', 'Numeric', 'ShortText'];

/** `datetime-local` works in the browser's zone: the API's instants are converted both ways. */
function toLocalInput(iso: string) {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

function fromLocalInput(value: string) {
  return new Date(value).toISOString();
}

function blankQuestion(type: QuestionType): QuizQuestion {
  if (type === 'Numeric') return { type, prompt: '', points: 1, answer: 0, tolerance: 0 };
  if (type === 'ShortText') return { type, prompt: '', points: 1, accepted: [''] };
  return { type, prompt: '', points: 1, choices: [{ text: '', correct: true }, { text: '', correct: false }] };
}

function initialBody(assignment?: Assignment): AssignmentBody {
  if (assignment) {
    const { kind, title, instructions, maxPoints, category, isPublished, releaseAt, dueAt, allowResubmission, latePolicy, latePenaltyPercentPerDay, maxAttempts, questions, rubric } =
      assignment;
    return { kind, title, instructions: instructions ?? '', maxPoints, category, isPublished, releaseAt, dueAt, allowResubmission, latePolicy, latePenaltyPercentPerDay, maxAttempts, questions, rubric };
  }
  const now = Date.now();
  return {
    kind: 'Text',
    title: '',
    instructions: '',
    maxPoints: 20,
    category: 'Devoirs',
    isPublished: false,
    releaseAt: new Date(now).toISOString(),
    dueAt: new Date(now + 7 * 86_400_000).toISOString(),
    allowResubmission: false,
    latePolicy: 'AcceptAndFlag',
    latePenaltyPercentPerDay: null,
    maxAttempts: null,
    questions: [],
  };
}

/** The quiz question builder: one card per question, its fields by type. */
function QuestionEditor({ question, number, onChange, onRemove }: { question: QuizQuestion; number: number; onChange: (q: QuizQuestion) => void; onRemove: () => void }) {
  const { t } = useTranslation('assessment');
  const choices = question.choices ?? [];
  const setChoice = (index: number, change: Partial<{ text: string; correct: boolean }>) =>
    onChange({
      ...question,
      choices: choices.map((choice, i) => {
        if (i === index) return { ...choice, ...change };
        // One correct answer only for a single choice.
        return question.type === 'SingleChoice' && change.correct ? { ...choice, correct: false } : choice;
      }),
    });
  return (
    <Paper withBorder p="md" component="fieldset" aria-label={t('editor.questionTitle', { number })}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {t('editor.questionTitle', { number })}
        </Title>
        <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
          {t('editor.removeQuestion', { number })}
        </Button>
      </Group>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <NativeSelect
            label={t('editor.type')}
            data={questionTypes.map((type) => ({ value: type, label: t(`editor.types.${type}`) }))}
            value={question.type}
            onChange={(event) => onChange({ ...blankQuestion(event.currentTarget.value as QuestionType), prompt: question.prompt, points: question.points })}
          />
          <NumberInput label={t('editor.points')} min={0.01} max={1000} decimalScale={2} value={question.points} onChange={(value) => onChange({ ...question, points: Number(value) || 0 })} />
        </Group>
        <Textarea label={t('editor.prompt')} autosize minRows={2} required value={question.prompt} onChange={(event) => onChange({ ...question, prompt: event.currentTarget.value })} />
        {(question.type === 'SingleChoice' || question.type === 'MultipleChoice') && (
          <Stack gap={6}>
            {choices.map((choice, index) => (
              <Group key={index} align="flex-end" wrap="nowrap">
                <TextInput style={{ flex: 1 }} label={t('editor.choice', { number: index + 1 })} required value={choice.text} onChange={(event) => setChoice(index, { text: event.currentTarget.value })} />
                <Checkbox mb={8} label={t('editor.correct')} checked={choice.correct ?? false} onChange={(event) => setChoice(index, { correct: event.currentTarget.checked })} />
                <ActionIcon
                  mb={4}
                  variant="subtle"
                  color="red"
                  aria-label={t('editor.removeChoice', { number: index + 1 })}
                  disabled={choices.length <= 2}
                  onClick={() => onChange({ ...question, choices: choices.filter((_, i) => i !== index) })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => onChange({ ...question, choices: [...choices, { text: '', correct: false }] })}>
              {t('editor.addChoice')}
            </Button>
          </Stack>
        )}
        {question.type === 'Numeric' && (
          <Group grow>
            <NumberInput label={t('editor.answer')} decimalScale={4} value={question.answer ?? 0} onChange={(value) => onChange({ ...question, answer: Number(value) || 0 })} />
            <NumberInput label={t('editor.tolerance')} min={0} decimalScale={4} value={question.tolerance ?? 0} onChange={(value) => onChange({ ...question, tolerance: Number(value) || 0 })} />
          </Group>
        )}
        {question.type === 'ShortText' && (
          <Textarea
            label={t('editor.accepted')}
            description={t('editor.acceptedHint')}
            autosize
            minRows={2}
            value={(question.accepted ?? []).join('\n')}
            onChange={(event) => onChange({ ...question, accepted: event.currentTarget.value.split('\n') })}
          />
        )}
      </Stack>
    </Paper>
  );
}

/** Creates or edits an assignment of any kind: dates, points, category, late policy, attempts, and a quiz's questions. */
function AssignmentForm({ cohortId, assignment, etag, reload }: { cohortId: string; assignment?: Assignment; etag: string | null; reload?: () => void }) {
  const { t } = useTranslation(['assessment', 'common']);
  const navigate = useNavigate();
  const [body, setBody] = useState<AssignmentBody>(() => initialBody(assignment));
  const create = useCreateAssignment(cohortId);
  const update = useUpdateAssignment(assignment?.id ?? '');
  const save = assignment ? update : create;
  const set = (change: Partial<AssignmentBody>) => setBody((current) => ({ ...current, ...change }));
  const questions = body.questions ?? [];
  const quizPoints = questions.reduce((sum, q) => sum + q.points, 0);
  const stale = isApiError(update.error) && update.error.status === 412;
  const badDates = new Date(body.releaseAt) >= new Date(body.dueAt);
  const badRubric = body.kind !== 'Quiz' && (body.rubric?.criteria ?? []).some((criterion) => !levelsIncrease(criterion));
  const rubricInUse = isApiError(save.error) && save.error.type.endsWith('/rubric-in-use');

  const submit = () => {
    const quiz = body.kind === 'Quiz';
    const sent: AssignmentBody = {
      ...body,
      maxPoints: quiz ? Math.round(quizPoints * 100) / 100 : body.maxPoints,
      latePenaltyPercentPerDay: body.latePolicy === 'PenaltyPerDay' ? (body.latePenaltyPercentPerDay ?? 10) : null,
      maxAttempts: quiz ? body.maxAttempts : null,
      questions: quiz ? questions.map((q) => (q.type === 'ShortText' ? { ...q, accepted: (q.accepted ?? []).map((a) => a.trim()).filter(Boolean) } : q)) : null,
      rubric: quiz ? undefined : body.rubric,
    };
    const onSuccess = (saved: Assignment) => void navigate(`/assignments/${saved.id}`);
    if (assignment) update.mutate({ body: sent, etag }, { onSuccess });
    else create.mutate(sent, { onSuccess });
  };

  return (
    <Stack
      component="form"
      maw={760}
      onSubmit={(event) => {
        event.preventDefault();
        if (!badDates && !badRubric) submit();
      }}
    >
      {save.isError &&
        (stale ? (
          <Alert color="orange" role="alert" title={t('editor.stale')}>
            <Button mt="xs" size="xs" variant="default" onClick={reload}>
              {t('editor.reload')}
            </Button>
          </Alert>
        ) : rubricInUse ? (
          <Alert color="orange" role="alert" title={t('rubric.inUseTitle')}>
            {t('rubric.inUse')}
          </Alert>
        ) : (
          <ProblemAlert error={save.error} />
        ))}
      <NativeSelect
        label={t('editor.kind')}
        data={kinds.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        value={body.kind}
        disabled={Boolean(assignment)}
        onChange={(event) => {
          const kind = event.currentTarget.value as AssignmentKind;
          set({ kind, questions: kind === 'Quiz' && questions.length === 0 ? [blankQuestion('SingleChoice')] : questions });
        }}
      />
      <TextInput label={t('editor.title')} required maxLength={200} value={body.title} onChange={(event) => set({ title: event.currentTarget.value })} />
      <Textarea
        label={t('editor.instructions')}
        description={t('editor.instructionsHint')}
        autosize
        minRows={4}
        maxLength={20_000}
        value={body.instructions ?? ''}
        onChange={(event) => set({ instructions: event.currentTarget.value })}
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('editor.maxPoints')}
          description={body.kind === 'Quiz' ? t('editor.maxPointsQuiz', { points: quizPoints }) : undefined}
          min={0.01}
          max={1000}
          decimalScale={2}
          disabled={body.kind === 'Quiz'}
          value={body.kind === 'Quiz' ? quizPoints : body.maxPoints}
          onChange={(value) => set({ maxPoints: Number(value) || 0 })}
        />
        <TextInput label={t('editor.category')} required maxLength={50} value={body.category} onChange={(event) => set({ category: event.currentTarget.value })} />
      </Group>
      <Group grow align="flex-start">
        <TextInput type="datetime-local" label={t('editor.releaseAt')} required value={toLocalInput(body.releaseAt)} onChange={(event) => event.currentTarget.value && set({ releaseAt: fromLocalInput(event.currentTarget.value) })} />
        <TextInput
          type="datetime-local"
          label={t('editor.dueAt')}
          required
          value={toLocalInput(body.dueAt)}
          error={badDates ? t('editor.invalidDates') : undefined}
          onChange={(event) => event.currentTarget.value && set({ dueAt: fromLocalInput(event.currentTarget.value) })}
        />
      </Group>
      <Group grow align="flex-start">
        <NativeSelect
          label={t('editor.latePolicy')}
          data={latePolicies.map((policy) => ({ value: policy, label: t(`editor.latePolicies.${policy}`) }))}
          value={body.latePolicy}
          onChange={(event) => set({ latePolicy: event.currentTarget.value as LatePolicy })}
        />
        {body.latePolicy === 'PenaltyPerDay' && (
          <NumberInput label={t('editor.penalty')} min={1} max={100} value={body.latePenaltyPercentPerDay ?? 10} onChange={(value) => set({ latePenaltyPercentPerDay: Number(value) || null })} />
        )}
        {body.kind === 'Quiz' && (
          <NumberInput label={t('editor.maxAttempts')} min={1} max={20} value={body.maxAttempts ?? ''} onChange={(value) => set({ maxAttempts: value === '' ? null : Number(value) })} />
        )}
      </Group>
      <Switch label={t('editor.allowResubmission')} checked={body.allowResubmission} onChange={(event) => set({ allowResubmission: event.currentTarget.checked })} />
      <Switch label={t('editor.published')} description={t('editor.publishedHint')} checked={body.isPublished} onChange={(event) => set({ isPublished: event.currentTarget.checked })} />
      {body.kind === 'Quiz' && (
        <Stack component="section" aria-labelledby="questions-title">
          <Title order={2} size="h4" id="questions-title">
            {t('editor.questions')}
          </Title>
          {questions.map((question, index) => (
            <QuestionEditor
              key={index}
              number={index + 1}
              question={question}
              onChange={(changed) => set({ questions: questions.map((q, i) => (i === index ? changed : q)) })}
              onRemove={() => set({ questions: questions.filter((_, i) => i !== index) })}
            />
          ))}
          <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => set({ questions: [...questions, blankQuestion('SingleChoice')] })}>
            {t('editor.addQuestion')}
          </Button>
        </Stack>
      )}
      {body.kind !== 'Quiz' && (
        <RubricBuilder cohortId={cohortId} rubric={body.rubric} maxPoints={body.maxPoints} onChange={(rubric) => set({ rubric: rubric ?? undefined })} />
      )}
      <Group>
        <Button type="submit" loading={save.isPending}>
          {t('editor.save')}
        </Button>
        <Button variant="default" onClick={() => void navigate(assignment ? `/assignments/${assignment.id}` : `/cohorts/${cohortId}/assignments`)}>
          {t('editor.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function CreateAssignmentPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation('assessment');
  return (
    <>
      <PageTitle>{t('editor.newTitle')}</PageTitle>
      <AssignmentForm cohortId={cohortId} etag={null} />
    </>
  );
}

export function EditAssignmentPage() {
  const { assignmentId = '' } = useParams();
  const { t } = useTranslation('assessment');
  const query = useAssignment(assignmentId);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { assignment, etag } = query.data;
  return (
    <>
      <PageTitle>{t('editor.editTitle', { title: assignment.title })}</PageTitle>
      <AssignmentForm key={etag ?? ''} cohortId={assignment.cohortId} assignment={assignment} etag={etag} reload={() => void query.refetch()} />
    </>
  );
}
