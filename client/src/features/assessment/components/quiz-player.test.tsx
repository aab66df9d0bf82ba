import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render-app';
import type { QuizQuestion } from '@/features/assessment/api/assessment';
import { quizStorageKey } from './quiz-answers';
import { QuizPlayer } from './quiz-player';

const questions: QuizQuestion[] = [
  { type: 'SingleChoice', prompt: 'Le chemin critique est…', points: 1, choices: [{ text: 'le plus long' }, { text: 'le plus court' }] },
  { type: 'MultipleChoice', prompt: 'Des livrables :', points: 2, choices: [{ text: 'Cahier des charges' }, { text: 'Café' }, { text: 'Planning' }] },
  { type: 'Numeric', prompt: 'Marge totale ?', points: 3 },
  { type: 'ShortText', prompt: 'Diagramme des tâches ?', points: 4 },
];
const key = quizStorageKey('u1', 'a1');

describe('QuizPlayer', () => {
  it('answers each question type, keeps the answers in storage across a remount, and sends them by index', async () => {
    const first = renderWithProviders(<QuizPlayer questions={questions} storageKey={key} pending={false} onSubmit={() => undefined} />);
    await first.user.click(screen.getByRole('radio', { name: 'le plus long' }));
    await first.user.click(screen.getByRole('checkbox', { name: 'Planning' }));
    await first.user.click(screen.getByRole('checkbox', { name: 'Cahier des charges' }));
    await first.user.type(screen.getByRole('textbox', { name: 'Votre réponse (nombre)' }), '2,5');
    await first.user.type(screen.getByRole('textbox', { name: 'Votre réponse' }), 'Gantt');
    first.unmount();

    // A reload: a new player reads what the first one stored.
    const onSubmit = vi.fn();
    const second = renderWithProviders(<QuizPlayer questions={questions} storageKey={key} pending={false} onSubmit={onSubmit} />);
    expect(screen.getByText('Vos réponses en cours ont été rétablies.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'le plus long' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Votre réponse (nombre)' })).toHaveValue('2,5');
    await second.user.click(screen.getByRole('button', { name: 'Envoyer mes réponses' }));
    expect(onSubmit).toHaveBeenCalledWith(
      [
        { questionIndex: 0, choiceIndexes: [0] },
        { questionIndex: 1, choiceIndexes: [0, 2] },
        { questionIndex: 2, value: '2,5' },
        { questionIndex: 3, value: 'Gantt' },
      ],
      expect.any(Function),
    );
    // Once the API took them, the caller clears the stored attempt.
    onSubmit.mock.calls[0]?.[1]();
    expect(localStorage.getItem(key)).toBeNull();
  }, 15_000);
});
