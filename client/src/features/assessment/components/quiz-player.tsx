import { Alert, Button, Checkbox, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/lib/i18n/format';
import type { QuizAnswer, QuizQuestion } from '@/features/assessment/api/assessment';
import { readSavedAnswers as readSaved, toQuizAnswers, type Answers } from './quiz-answers';

interface QuizPlayerProps {
  questions: QuizQuestion[];
  storageKey: string;
  pending: boolean;
  onSubmit: (answers: QuizAnswer[], done: () => void) => void;
}

/**
 * Each question by its type (one choice, several, a number, a short text). Every change is written to the browser's
 * storage, so a reload mid-attempt (or a lost tab) brings the answers back; they are cleared once the API took them.
 */
export function QuizPlayer({ questions, storageKey, pending, onSubmit }: QuizPlayerProps) {
  const { t } = useTranslation('assessment');
  const format = useFormatters();
  const [restored] = useState(() => readSaved(storageKey) !== null);
  const [answers, setAnswers] = useState<Answers>(() => readSaved(storageKey) ?? {});

  useEffect(() => {
    try {
      if (Object.keys(answers).length > 0) globalThis.localStorage?.setItem(storageKey, JSON.stringify(answers));
    } catch {
      // Storage full or refused: the attempt still works, it just does not survive a reload.
    }
  }, [answers, storageKey]);

  const set = (index: number, answer: Answers[number]) => setAnswers((current) => ({ ...current, [index]: answer }));
  const answered = toQuizAnswers(answers).length;

  return (
    <Stack
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(toQuizAnswers(answers), () => globalThis.localStorage?.removeItem(storageKey));
      }}
    >
      <Text size="sm" c="dimmed">
        {t('quiz.savedLocally')}
      </Text>
      {restored && (
        <Alert variant="light" role="status">
          {t('quiz.restored')}
        </Alert>
      )}
      {questions.map((question, index) => {
        const titleId = `question-${index}`;
        const label = t('quiz.question', { number: index + 1, points: format.number(question.points) });
        const answer = answers[index] ?? {};
        return (
          <Paper key={index} withBorder p="md" component="fieldset" aria-labelledby={titleId} style={{ border: undefined }}>
            <Title order={3} size="h5" id={titleId}>
              {label}
            </Title>
            <Text mb="xs">{question.prompt}</Text>
            {question.type === 'SingleChoice' && (
              <Radio.Group
                label={t('quiz.pickOne')}
                value={answer.choiceIndexes?.[0]?.toString() ?? ''}
                onChange={(value) => set(index, { choiceIndexes: [Number(value)] })}
              >
                <Stack gap={6} mt={4}>
                  {(question.choices ?? []).map((choice, choiceIndex) => (
                    <Radio key={choiceIndex} value={choiceIndex.toString()} label={choice.text} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
            {question.type === 'MultipleChoice' && (
              <Checkbox.Group
                label={t('quiz.pickMany')}
                value={(answer.choiceIndexes ?? []).map(String)}
                onChange={(values) => set(index, { choiceIndexes: values.map(Number).sort((a, b) => a - b) })}
              >
                <Stack gap={6} mt={4}>
                  {(question.choices ?? []).map((choice, choiceIndex) => (
                    <Checkbox key={choiceIndex} value={choiceIndex.toString()} label={choice.text} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
            {question.type === 'Numeric' && (
              <TextInput
                label={t('quiz.numberLabel')}
                inputMode="decimal"
                value={answer.value ?? ''}
                onChange={(event) => set(index, { value: event.currentTarget.value })}
              />
            )}
            {question.type === 'ShortText' && (
              <TextInput label={t('quiz.textLabel')} value={answer.value ?? ''} maxLength={200} onChange={(event) => set(index, { value: event.currentTarget.value })} />
            )}
          </Paper>
        );
      })}
      <Text size="sm" aria-live="polite">
        {t('quiz.answered', { count: answered, total: questions.length })}
      </Text>
      <Button type="submit" loading={pending} style={{ alignSelf: 'flex-start' }}>
        {t('quiz.submit')}
      </Button>
    </Stack>
  );
}
