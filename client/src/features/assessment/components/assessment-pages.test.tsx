import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { json, problem, type Handler } from '@/testing/fake-api';
import { FakeXhr } from '@/testing/fake-xhr';
import { cohortFixture, cohortId, learnerMe, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { Assignment, MyAssignment, Submission } from '@/features/assessment/api/assessment';
import { CreateAssignmentPage } from './assignment-editor-page';
import { AssignmentPage } from './assignment-page';
import { AssignmentsPage } from './assignments-page';
import { GradingPage } from './grading-page';
import { quizStorageKey } from './quiz-answers';
import { ToDoPanel } from './to-do-panel';
import { ToGradePanel } from './to-grade-panel';

const pages = {
  '/cohorts/:cohortId/assignments': <AssignmentsPage />,
  '/cohorts/:cohortId/assignments/new': <CreateAssignmentPage />,
  '/assignments/:assignmentId': <AssignmentPage />,
  '/assignments/:assignmentId/grading': <GradingPage />,
};

/** Puts a whole value in a field at once (typing it key by key is slow and tells nothing more here). */
async function fill(user: ReturnType<typeof renderRoute>['user'], field: HTMLElement, value: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

const mael = '0192f0c1-0000-7000-8000-00000000e001';

function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: 'a1', cohortId, kind: 'File', title: 'Plan de projet', instructions: null, instructionsHtml: '<p>Déposez <strong>votre plan</strong>.</p>',
    maxPoints: 20, category: 'Devoirs', isPublished: true, releaseAt: '2027-01-10T08:00:00Z', dueAt: '2027-01-20T18:00:00Z', yourDueAt: null,
    allowResubmission: false, latePolicy: 'AcceptAndFlag', latePenaltyPercentPerDay: null, maxAttempts: null, answersShown: true, questions: [],
    createdAt: '2027-01-09T08:00:00Z', version: 'v1', ...overrides,
  };
}

function mine(overrides: Partial<MyAssignment> = {}): MyAssignment {
  return {
    assignmentId: 'a1', cohortId, cohortTitle: 'Cohorte', title: 'Plan de projet', kind: 'File', maxPoints: 20, category: 'Devoirs',
    yourDueAt: '2027-01-27T18:00:00Z', isPastDue: false, attempts: 0, lastSubmissionId: null, lastSubmittedAt: null, lastIsLate: null,
    gradeStatus: null, isToDo: true, ...overrides,
  };
}

function submission(id: string, authorId: string, submittedAt: string, overrides: Partial<Submission> = {}): Submission {
  return {
    id, assignmentId: 'a1', cohortId, authorId, attempt: 1, submittedAt, dueAt: '2027-01-20T18:00:00Z', isLate: false, daysLate: 0, penaltyPercent: 0,
    text: 'Mon plan', textHtml: '<p>Mon plan</p>', fileIds: [], answers: [], score: null, updatedAt: submittedAt, ...overrides,
  };
}

const learnerCohort = cohortFixture({ myRole: 'Learner', capabilities: ['ViewInside', 'Learn'] });
const trainerCohort = cohortFixture({ capabilities: ['ViewInside', 'PreviewContent', 'ManageAssignments', 'ActOnAllLearners'] });
const mentorCohort = cohortFixture({ myRole: 'Mentor', capabilities: ['ViewInside', 'PreviewContent', 'ActOnOwnMentees'] });

describe('Assignments list', () => {
  it('shows a learner their own due date and where they stand, and no staff action', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      [`GET /api/v1/cohorts/${cohortId}/assignments`]: () => json(paged([assignment({ yourDueAt: '2027-01-27T18:00:00Z' })])),
      'GET /api/v1/me/assignments': (request) => {
        expect(new URL(request.url).searchParams.get('cohortId')).toBe(cohortId);
        return json(paged([mine({ attempts: 1, lastSubmissionId: 's1', gradeStatus: 'ReturnedForRevision', isToDo: true })]));
      },
    });
    renderRoute(`/cohorts/${cohortId}/assignments`, pages);

    const row = (await screen.findByRole('link', { name: 'Plan de projet' })).closest('tr')!;
    expect(await within(row).findByText('À reprendre')).toBeInTheDocument();
    expect(within(row).getByText('1 tentative')).toBeInTheDocument();
    expect(within(row).getByText(/27 janv\. 2027/)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Nouveau devoir' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Modifier|Rendus/ })).not.toBeInTheDocument();
  });

  it('gives trainers "new", "edit" and the submissions; a mentor only the submissions', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(trainerCohort),
      [`GET /api/v1/cohorts/${cohortId}/assignments`]: () => json(paged([assignment({ isPublished: false })])),
    });
    const trainer = renderRoute(`/cohorts/${cohortId}/assignments`, pages);
    expect(await screen.findByRole('link', { name: 'Nouveau devoir' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Modifier Plan de projet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Rendus de Plan de projet' })).toBeInTheDocument();
    expect(screen.getByText('Brouillon')).toBeInTheDocument();
    trainer.unmount();

    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(mentorCohort),
      [`GET /api/v1/cohorts/${cohortId}/assignments`]: () => json(paged([assignment()])),
    });
    renderRoute(`/cohorts/${cohortId}/assignments`, pages);
    expect(await screen.findByRole('link', { name: 'Rendus de Plan de projet' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Nouveau devoir' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Modifier Plan de projet' })).not.toBeInTheDocument();
  });
});

describe('Assignment page (learner)', () => {
  it('uploads the file with a progress bar, hands it in, then shows the released grade and feedback', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    let state = mine();
    const api = signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(assignment(), 200, { ETag: '"v1"' }),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      'GET /api/v1/me/assignments': () => json(paged([state])),
      'POST /api/v1/assignments/a1/submissions': () => {
        state = mine({ attempts: 1, lastSubmissionId: 's1', isToDo: false });
        return json(submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', { fileIds: ['f-1'], text: null, textHtml: null }), 201);
      },
      'GET /api/v1/submissions/s1': () =>
        json(
          submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', {
            fileIds: ['f-1'], text: null, textHtml: null,
            grade: { submissionId: 's1', score: 16, feedback: 'Plan **solide**', feedbackHtml: '<p>Plan <strong>solide</strong></p>', status: 'Released', rubricScores: [], adjustment: 0, gradedBy: trainerMe.id, gradedAt: '2027-01-16T10:00:00Z', etag: '"g1"' },
          }),
        ),
    });
    const { user, container } = renderRoute('/assignments/a1', pages);
    expect(await screen.findByText('votre plan')).toBeInTheDocument();

    await screen.findByRole('button', { name: 'Fichier à rendre' });
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.7'], 'plan.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() => FakeXhr.last!.upload.onprogress?.({ loaded: 40, total: 100, lengthComputable: true }));
    expect(await screen.findByText('Envoi de plan.pdf : 40 %')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progression de l’envoi de plan.pdf' })).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByRole('button', { name: 'Rendre le fichier' })).toBeDisabled();
    act(() => FakeXhr.last!.respond(201, { fileId: 'f-1', fileName: 'plan.pdf', contentType: 'application/pdf', size: 8 }));
    await user.click(await screen.findByRole('button', { name: 'Rendre le fichier' }));

    await waitFor(() => expect(api.sent('POST /api/v1/assignments/a1/submissions')).toHaveLength(1));
    expect(await api.sent('POST /api/v1/assignments/a1/submissions')[0]!.json()).toEqual({ fileIds: ['f-1'] });
    expect(await screen.findByTestId('grade-score')).toHaveTextContent('Note : 16 / 20');
    expect(within(screen.getByTestId('feedback')).getByText('solide')).toBeInTheDocument();
    expect(screen.getByText('Ce devoir ne se rend qu’une fois.')).toBeInTheDocument();
  });
});

describe('Grading screen', () => {
  function gradingApi(routes: Record<string, Handler>) {
    return signedInApi(trainerMe, {
      'GET /api/v1/assignments/a1': () => json(assignment({ kind: 'Text' }), 200, { ETag: '"v1"' }),
      'GET /api/v1/assignments/a1/submissions': () =>
        json(paged([submission('s2', mael, '2027-01-15T09:00:00Z'), submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', { attempt: 2 })], 100)),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () =>
        json(paged([{ userId: learnerMe.id, displayName: 'Léa Bernard' }, { userId: mael, displayName: 'Maël Fournier' }], 100)),
      'GET /api/v1/submissions/s2': () => json(submission('s2', mael, '2027-01-15T09:00:00Z', { textHtml: '<p>Le plan de Maël</p>' })),
      ...routes,
    });
  }

  it('walks the learners\' latest attempts with J and K, and leaves shortcuts alone while typing', async () => {
    gradingApi({ 'GET /api/v1/submissions/s1': () => json(submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', { attempt: 2, textHtml: '<p>Le plan de Léa</p>' })) });
    const { user, router } = renderRoute('/assignments/a1/grading', pages);

    await waitFor(() => expect(screen.getByTestId('grading-learner')).toHaveTextContent('Maël Fournier'));
    expect(screen.getByText(/Rendu 1 sur 2/)).toBeInTheDocument();
    expect(await screen.findByText('Le plan de Maël')).toBeInTheDocument();
    await user.keyboard('j');
    expect(await screen.findByText('Le plan de Léa')).toBeInTheDocument();
    expect(screen.getByTestId('grading-learner')).toHaveTextContent('Léa Bernard');
    expect(router.state.location.search).toBe('?submission=s1');
    await user.type(screen.getByRole('textbox', { name: 'Retour à l’apprenant (Markdown)' }), 'k');
    expect(screen.getByTestId('grading-learner')).toHaveTextContent('Léa Bernard');
    await user.click(document.body);
    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByText('Le plan de Maël')).toBeInTheDocument();
  });

  it('pages through more than 100 learners: J moves from the last of the first page to the first of the second', async () => {
    const learners = Array.from({ length: 150 }, (_, i) => `0192f0c1-0000-7000-8000-0000001${String(i).padStart(5, '0')}`);
    const all = learners.map((id, i) => submission(`s${i}`, id, `2027-01-15T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`));
    const api = gradingApi({
      'GET /api/v1/assignments/a1/submissions': (request) => {
        const query = new URL(request.url).searchParams;
        const page = Number(query.get('page'));
        return json({ items: all.slice((page - 1) * 100, page * 100), page, pageSize: 100, totalCount: all.length });
      },
      [`GET /api/v1/cohorts/${cohortId}/members`]: (request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        const members = learners.map((userId, i) => ({ userId, displayName: `Apprenant ${i + 1}` }));
        return json({ items: members.slice((page - 1) * 100, page * 100), page, pageSize: 100, totalCount: members.length });
      },
      'GET /api/v1/submissions/s99': () => json(all[99]!),
      'GET /api/v1/submissions/s100': () => json(all[100]!),
    });
    const { user, router } = renderRoute('/assignments/a1/grading?submission=s99', pages);

    await waitFor(() => expect(screen.getByTestId('grading-learner')).toHaveTextContent('Apprenant 100'));
    expect(screen.getByText(/Rendu 100 sur 150/)).toBeInTheDocument();
    await user.keyboard('j');
    await waitFor(() => expect(screen.getByTestId('grading-learner')).toHaveTextContent('Apprenant 101'));
    expect(screen.getByText(/Rendu 101 sur 150/)).toBeInTheDocument();
    expect(router.state.location.search).toBe('?submission=s100');
    const asked = api.sent('GET /api/v1/assignments/a1/submissions').map((r) => new URL(r.url).searchParams);
    expect(asked.map((q) => [q.get('page'), q.get('latestOnly')])).toEqual([['1', 'true'], ['2', 'true']]);
  });

  it('on a 412 says someone else graded it, keeps the typed feedback, and saves it with the reloaded version', async () => {
    let version = 1;
    const graded = () =>
      submission('s2', mael, '2027-01-15T09:00:00Z', {
        grade: { submissionId: 's2', score: 10, feedback: 'Version de Sarah', feedbackHtml: '', status: 'Draft', rubricScores: [], adjustment: 0, gradedBy: 'x', gradedAt: '2027-01-16T10:00:00Z', etag: `"g${version}"` },
      });
    const api = gradingApi({
      'GET /api/v1/submissions/s2': () => json(graded()),
      'PUT /api/v1/submissions/s2/grade': (request) =>
        request.headers.get('If-Match') === `"g${version}"`
          ? json({ ...graded().grade, status: 'Released', etag: '"g9"' })
          : problem(412, 'precondition-failed'),
    });
    const { user } = renderRoute('/assignments/a1/grading?submission=s2', pages);

    const feedback = await screen.findByRole('textbox', { name: 'Retour à l’apprenant (Markdown)' });
    await waitFor(() => expect(feedback).toHaveValue('Version de Sarah'));
    await user.clear(feedback);
    await user.type(feedback, 'Mon retour détaillé');
    version = 2; // someone else saved meanwhile
    await user.click(screen.getByRole('button', { name: 'Publier la note' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Quelqu’un d’autre a corrigé ce rendu entre-temps');
    expect(feedback).toHaveValue('Mon retour détaillé');
    await user.click(within(alert).getByRole('button', { name: 'Recharger la dernière version' }));
    await waitFor(() => expect(api.sent('GET /api/v1/submissions/s2').length).toBeGreaterThanOrEqual(2));
    expect(feedback).toHaveValue('Mon retour détaillé');
    await user.click(screen.getByRole('button', { name: 'Publier la note' }));

    expect(await screen.findByText('Note enregistrée : Publiée.')).toBeInTheDocument();
    const puts = api.sent('PUT /api/v1/submissions/s2/grade');
    expect(puts.map((put) => put.headers.get('If-Match'))).toEqual(['"g1"', '"g2"']);
    expect(await puts[1]!.json()).toMatchObject({ feedback: 'Mon retour détaillé', status: 'Released', score: 10 });
  }, 15_000);
});

describe('Assignment editor', () => {
  it('builds a quiz: questions of each type, points summed into maxPoints, attempts and late policy', async () => {
    const api = signedInApi(trainerMe, {
      [`POST /api/v1/cohorts/${cohortId}/assignments`]: () => json(assignment({ id: 'a9', kind: 'Quiz' }), 201),
      'GET /api/v1/assignments/a9': () => json(assignment({ id: 'a9', kind: 'Quiz' })),
    });
    const { user, router } = renderRoute(`/cohorts/${cohortId}/assignments/new`, pages);

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Type de devoir' }), 'Quiz');
    await fill(user, screen.getByRole('textbox', { name: 'Titre' }), 'Quiz 1');
    const first = screen.getByRole('group', { name: 'Question 1' });
    await fill(user, within(first).getByRole('textbox', { name: 'Énoncé' }), 'Le chemin critique ?');
    await fill(user, within(first).getByRole('textbox', { name: 'Choix 1' }), 'le plus long');
    await fill(user, within(first).getByRole('textbox', { name: 'Choix 2' }), 'le plus court');
    await user.click(screen.getByRole('button', { name: 'Ajouter une question' }));
    const second = screen.getByRole('group', { name: 'Question 2' });
    await user.selectOptions(within(second).getByRole('combobox', { name: 'Type de question' }), 'Numeric');
    await fill(user, within(second).getByRole('textbox', { name: 'Énoncé' }), 'Marge ?');
    const points = within(second).getByRole('textbox', { name: 'Points' });
    await fill(user, points, '2');
    const answer = within(second).getByRole('textbox', { name: 'Réponse attendue' });
    await fill(user, answer, '2.5');
    await fill(user, screen.getByRole('textbox', { name: 'Nombre de tentatives (vide : sans limite)' }), '2');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    await waitFor(() => expect(api.sent(`POST /api/v1/cohorts/${cohortId}/assignments`)).toHaveLength(1));
    expect(await api.sent(`POST /api/v1/cohorts/${cohortId}/assignments`)[0]!.json()).toMatchObject({
      kind: 'Quiz', title: 'Quiz 1', maxPoints: 3, maxAttempts: 2, latePolicy: 'AcceptAndFlag', latePenaltyPercentPerDay: null,
      questions: [
        { type: 'SingleChoice', prompt: 'Le chemin critique ?', points: 1, choices: [{ text: 'le plus long', correct: true }, { text: 'le plus court', correct: false }] },
        { type: 'Numeric', prompt: 'Marge ?', points: 2, answer: 2.5, tolerance: 0 },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/assignments/a9'));
  }, 15_000);
});

describe('Quiz result', () => {
  it('once the due date has passed, shows each answer given beside the expected one', async () => {
    const quiz = assignment({
      kind: 'Quiz', maxPoints: 3, maxAttempts: 1, answersShown: true,
      questions: [
        { type: 'SingleChoice', prompt: 'Le chemin critique ?', points: 1, choices: [{ text: 'le plus long', correct: true }, { text: 'le plus court', correct: false }] },
        { type: 'Numeric', prompt: 'Marge ?', points: 2, answer: 2.5, tolerance: 0.5 },
      ],
    });
    signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(quiz),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      'GET /api/v1/me/assignments': () => json(paged([mine({ kind: 'Quiz', attempts: 1, lastSubmissionId: 's1', isToDo: false, isPastDue: true })])),
      'GET /api/v1/submissions/s1': () =>
        json(submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', { text: null, textHtml: null, score: 1, answers: [{ questionIndex: 0, choiceIndexes: [1] }, { questionIndex: 1, value: '2,5' }] })),
    });
    renderRoute('/assignments/a1', pages);

    expect(await screen.findByTestId('quiz-score')).toHaveTextContent('Score du quiz : 1 / 3');
    const review = screen.getByRole('list', { name: 'Réponses au quiz' });
    expect(within(review).getByText('Le chemin critique ? — le plus court')).toBeInTheDocument();
    expect(within(review).getByText('Réponse attendue : le plus long')).toBeInTheDocument();
    expect(within(review).getByText('Réponse attendue : 2.5 ± 0.5')).toBeInTheDocument();
    expect(screen.getByText('Vous avez utilisé toutes vos tentatives.')).toBeInTheDocument();
  });
});

describe('Quiz hand-in', () => {
  it('sends the answers and forgets the attempt kept in storage once the API took it', async () => {
    let state = mine({ kind: 'Quiz' });
    const quiz = assignment({
      kind: 'Quiz', maxPoints: 1, answersShown: false,
      questions: [{ type: 'SingleChoice', prompt: 'Le chemin critique ?', points: 1, choices: [{ text: 'le plus long' }, { text: 'le plus court' }] }],
    });
    const api = signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(quiz),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      'GET /api/v1/me/assignments': () => json(paged([state])),
      'POST /api/v1/assignments/a1/submissions': () => {
        state = mine({ kind: 'Quiz', attempts: 1, lastSubmissionId: 's1', isToDo: false });
        return json(submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', { text: null, textHtml: null, score: 1, answers: [{ questionIndex: 0, choiceIndexes: [0] }] }), 201);
      },
      'GET /api/v1/submissions/s1': () => json(submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', { text: null, textHtml: null, score: 1 })),
    });
    const { user } = renderRoute('/assignments/a1', pages);

    await user.click(await screen.findByRole('radio', { name: 'le plus long' }));
    const key = quizStorageKey(learnerMe.id, 'a1');
    await waitFor(() => expect(localStorage.getItem(key)).not.toBeNull());
    await user.click(screen.getByRole('button', { name: 'Envoyer mes réponses' }));

    expect(await screen.findByTestId('quiz-score')).toHaveTextContent('Score du quiz : 1 / 1');
    expect(await api.sent('POST /api/v1/assignments/a1/submissions')[0]!.json()).toEqual({ answers: [{ questionIndex: 0, choiceIndexes: [0] }] });
    await waitFor(() => expect(localStorage.getItem(key)).toBeNull());
    expect(screen.queryByText('Vos réponses en cours ont été rétablies.')).not.toBeInTheDocument();
  });
});

describe('Returned for revision', () => {
  it('shows the feedback without a score and opens a new text attempt, though the assignment takes one', async () => {
    const api = signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(assignment({ kind: 'Text', allowResubmission: false })),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      'GET /api/v1/me/assignments': () => json(paged([mine({ kind: 'Text', attempts: 1, lastSubmissionId: 's1', gradeStatus: 'ReturnedForRevision' })])),
      'GET /api/v1/submissions/s1': () =>
        json(
          submission('s1', learnerMe.id, '2027-01-15T10:00:00Z', {
            grade: { submissionId: 's1', score: 8, feedback: 'Précisez', feedbackHtml: '<p>Précisez les <em>risques</em></p>', status: 'ReturnedForRevision', rubricScores: [], adjustment: 0, gradedBy: trainerMe.id, gradedAt: '2027-01-16T10:00:00Z', etag: '"g1"' },
          }),
        ),
      'POST /api/v1/assignments/a1/submissions': () => json(submission('s2', learnerMe.id, '2027-01-17T10:00:00Z', { attempt: 2 }), 201),
    });
    const { user } = renderRoute('/assignments/a1', pages);

    expect(await screen.findByText(/Votre travail vous est renvoyé pour révision/)).toBeInTheDocument();
    expect(within(screen.getByTestId('feedback')).getByText('risques')).toBeInTheDocument();
    expect(screen.queryByTestId('grade-score')).not.toBeInTheDocument();
    await fill(user, screen.getByRole('textbox', { name: 'Votre texte' }), 'Version 2 avec les risques');
    await user.click(screen.getByRole('button', { name: 'Rendre' }));
    await waitFor(() => expect(api.sent('POST /api/v1/assignments/a1/submissions')).toHaveLength(1));
    expect(await api.sent('POST /api/v1/assignments/a1/submissions')[0]!.json()).toEqual({ text: 'Version 2 avec les risques' });
  });
});

describe('Home panels', () => {
  it('"à rendre" asks for the work left to hand in and links each to its page', async () => {
    const api = signedInApi(learnerMe, {
      'GET /api/v1/me/assignments': () => json(paged([mine({ isPastDue: true })])),
    });
    renderRoute('/learner', { '/learner': <ToDoPanel /> });
    const panel = await screen.findByRole('region', { name: 'À rendre' });
    expect(await within(panel).findByRole('link', { name: 'Plan de projet' })).toHaveAttribute('href', '/assignments/a1');
    expect(within(panel).getByText('En retard')).toBeInTheDocument();
    expect(new URL(api.sent('GET /api/v1/me/assignments')[0]!.url).searchParams.get('toDoOnly')).toBe('true');
  });

  it('"à corriger" links each waiting attempt to the grading screen on it', async () => {
    signedInApi(trainerMe, {
      'GET /api/v1/me/to-grade': () =>
        json(paged([{ submissionId: 's2', assignmentId: 'a1', assignmentTitle: 'Plan de projet', kind: 'File', cohortId, cohortTitle: 'Cohorte', authorId: mael, authorName: 'Maël Fournier', attempt: 1, submittedAt: '2027-01-15T09:00:00Z', isLate: true, gradeStatus: null }])),
    });
    renderRoute('/trainer', { '/trainer': <ToGradePanel /> });
    const panel = await screen.findByRole('region', { name: 'À corriger' });
    expect(await within(panel).findByRole('link', { name: 'Plan de projet' })).toHaveAttribute('href', '/assignments/a1/grading?submission=s2');
    expect(within(panel).getByText(/Maël Fournier, tentative 1/)).toBeInTheDocument();
    expect(within(panel).getByText('Rendu en retard')).toBeInTheDocument();
  });
});
