import type { QuizAnswer } from '@/features/assessment/api/assessment';

export type Answers = Record<number, { choiceIndexes?: number[]; value?: string }>;

/** Where answers in progress wait until they are submitted: this browser, per user and assignment. */
export function quizStorageKey(userId: string, assignmentId: string) {
  return `spoc.quiz.${userId}.${assignmentId}`;
}

export function readSavedAnswers(key: string): Answers | null {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as Answers) : null;
  } catch {
    return null;
  }
}

/** The answers as the API takes them: answered questions only, by index. */
export function toQuizAnswers(answers: Answers): QuizAnswer[] {
  return Object.entries(answers)
    .map(([index, answer]) => ({ questionIndex: Number(index), ...answer }))
    .filter((answer) => (answer.choiceIndexes?.length ?? 0) > 0 || (answer.value ?? '').trim() !== '')
    .sort((a, b) => a.questionIndex - b.questionIndex);
}
