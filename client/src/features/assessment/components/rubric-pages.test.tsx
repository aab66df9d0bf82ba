import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, type Handler } from '@/testing/fake-api';
import { cohortFixture, cohortId, courseId, learnerMe, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { Assignment, Grade, MyAssignment, Submission } from '@/features/assessment/api/assessment';
import { rubricScore, type Rubric, type RubricTemplate } from '@/features/assessment/api/rubrics';
import { CreateAssignmentPage, EditAssignmentPage } from './assignment-editor-page';
import { AssignmentPage } from './assignment-page';
import { GradingPage } from './grading-page';
import { SubmissionsPage } from './submissions-page';

const pages = {
  '/cohorts/:cohortId/assignments/new': <CreateAssignmentPage />,
  '/assignments/:assignmentId/edit': <EditAssignmentPage />,
  '/assignments/:assignmentId': <AssignmentPage />,
  '/assignments/:assignmentId/grading': <GradingPage />,
  '/assignments/:assignmentId/submissions': <SubmissionsPage />,
};

const organizationId = cohortFixture().organizationId;
const mael = '0192f0c1-0000-7000-8000-00000000e001';
const solo = '0192f0c1-0000-7000-8000-00000000e002';
const trainerCohort = cohortFixture({ capabilities: ['ViewInside', 'PreviewContent', 'ManageAssignments', 'ActOnAllLearners', 'ManageGroups'] });
const learnerCohort = cohortFixture({ myRole: 'Learner', capabilities: ['ViewInside', 'Learn'] });

/** Two criteria tied to C1 and C2: 0/1/3 and 0/2/5 points, 8 in all, on a 20-point assignment. */
const rubric: Rubric = {
  totalPoints: 8,
  criteria: [
    { id: 'c1', title: 'Structure', competencyCode: 'C1', maxPoints: 3, levels: [{ id: 'c1-0', title: 'Absente', points: 0 }, { id: 'c1-1', title: 'Partielle', points: 1 }, { id: 'c1-3', title: 'Claire', points: 3 }] },
    { id: 'c2', title: 'Risques', competencyCode: 'C2', maxPoints: 5, levels: [{ id: 'c2-0', title: 'Oubliés', points: 0 }, { id: 'c2-2', title: 'Cités', points: 2 }, { id: 'c2-5', title: 'Analysés', points: 5 }] },
  ],
};

function assignment(overrides: Partial<Assignment> = {}): Assignment {
  return {
    id: 'a1', cohortId, kind: 'File', title: 'Plan de projet', instructions: 'Déposez', instructionsHtml: '<p>Déposez</p>',
    maxPoints: 20, category: 'Devoirs', isPublished: true, releaseAt: '2027-01-10T08:00:00Z', dueAt: '2027-01-20T18:00:00Z', yourDueAt: null,
    allowResubmission: false, latePolicy: 'AcceptAndFlag', latePenaltyPercentPerDay: null, maxAttempts: null, answersShown: true, questions: [],
    rubric, createdAt: '2027-01-09T08:00:00Z', version: 'v1', ...overrides,
  };
}

function submission(id: string, authorId: string, overrides: Partial<Submission> = {}): Submission {
  return {
    id, assignmentId: 'a1', cohortId, authorId, attempt: 1, submittedAt: '2027-01-15T10:00:00Z', dueAt: '2027-01-20T18:00:00Z', isLate: false, daysLate: 0,
    penaltyPercent: 0, text: 'Mon plan', textHtml: '<p>Mon plan</p>', fileIds: [], answers: [], score: null, updatedAt: '2027-01-15T10:00:00Z', ...overrides,
  };
}

function grade(overrides: Partial<Grade> = {}): Grade {
  return {
    submissionId: 's1', score: 12.5, feedback: '', feedbackHtml: '', status: 'Released', rubricScores: [], adjustment: 0, gradedBy: trainerMe.id,
    gradedAt: '2027-01-16T10:00:00Z', etag: '"g1"', ...overrides,
  };
}

function mine(overrides: Partial<MyAssignment> = {}): MyAssignment {
  return {
    assignmentId: 'a1', cohortId, cohortTitle: 'Cohorte', title: 'Plan de projet', kind: 'File', maxPoints: 20, category: 'Devoirs',
    yourDueAt: '2027-01-27T18:00:00Z', isPastDue: false, attempts: 0, lastSubmissionId: null, lastSubmittedAt: null, lastIsLate: null,
    gradeStatus: null, isToDo: true, ...overrides,
  };
}

async function fill(user: ReturnType<typeof renderRoute>['user'], field: HTMLElement, value: string) {
  await user.clear(field);
  await user.click(field);
  await user.paste(value);
}

describe('rubricScore (as RubricGrading.Score computes it)', () => {
  it('sums the levels, scales them to maxPoints when the rubric total differs, and rounds half to even', () => {
    expect(rubricScore(rubric.criteria, [3, 2], 8)).toBe(5);
    expect(rubricScore(rubric.criteria, [3, 2], 20)).toBe(12.5);
    expect(rubricScore(rubric.criteria, [1, 0], 20)).toBe(2.5);
    // 1 × 1 ÷ 8 = 0.125 and 3 × 1 ÷ 8 = 0.375: .NET's Math.Round goes to the even hundredth (0.12, 0.38).
    expect(rubricScore(rubric.criteria, [1, 0], 1)).toBe(0.12);
    expect(rubricScore(rubric.criteria, [3, 0], 1)).toBe(0.38);
    // 1 × 10 ÷ 3: 3.333… → 3.33; hundredths keep 0.1 + 0.2 exact.
    const thirds = [{ title: 'x', maxPoints: 3, levels: [{ title: 'a', points: 0 }, { title: 'b', points: 3 }] }];
    expect(rubricScore(thirds, [1], 10)).toBe(3.33);
    expect(rubricScore([{ ...thirds[0]!, levels: [{ title: 'a', points: 0.1 }, { title: 'b', points: 0.3 }] }, { ...thirds[0]!, levels: [{ title: 'a', points: 0.2 }, { title: 'b', points: 0.3 }] }], [0.1, 0.2], 0.6)).toBe(0.3);
  });
});

describe('Rubric builder (assignment editor)', () => {
  const template: RubricTemplate = { id: 't1', organizationId, title: 'Grille projet', rubric, createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z', version: 'v' };
  const editorRoutes: Record<string, Handler> = {
    [`GET /api/v1/cohorts/${cohortId}`]: () => json(trainerCohort),
    [`GET /api/v1/courses/${courseId}`]: () =>
      json({ id: courseId, organizationId, title: 'Cours', summary: '', language: 'fr', isPublished: true, createdAt: '2027-01-01T00:00:00Z', competencies: [{ code: 'C1', title: 'Structurer' }, { code: 'C2', title: 'Anticiper' }] }),
    [`GET /api/v1/organizations/${organizationId}/rubric-templates`]: () => json(paged([template], 100)),
  };

  it('starts from a template, ties criteria to course competencies, saves the rubric with the assignment and as a template', async () => {
    const api = signedInApi(trainerMe, {
      ...editorRoutes,
      [`POST /api/v1/cohorts/${cohortId}/assignments`]: () => json(assignment(), 201),
      'GET /api/v1/assignments/a1': () => json(assignment(), 200, { ETag: '"v1"' }),
      [`POST /api/v1/organizations/${organizationId}/rubric-templates`]: () => json({ ...template, id: 't2', title: 'Ma grille' }, 201),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/assignments/new`, pages);

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Type de devoir' }), 'File');
    await fill(user, screen.getByRole('textbox', { name: /^Titre/ }), 'Plan de projet');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Modèle de l’organisation' }), 't1');
    await user.click(screen.getByRole('button', { name: 'Partir de ce modèle' }));
    expect(screen.getByRole('textbox', { name: /Intitulé du critère 1/ })).toHaveValue('Structure');
    expect(screen.getByTestId('rubric-total')).toHaveTextContent('Total de la grille : 8 points, ramenés à la note sur 20.');

    // A third criterion from scratch, tied to C2; its levels must increase.
    await user.click(screen.getByRole('button', { name: 'Ajouter un critère' }));
    await fill(user, screen.getByRole('textbox', { name: /Intitulé du critère 3/ }), 'Présentation');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Compétence évaluée par le critère 3' }), 'C2');
    ['Brouillon', 'Soignée', 'Remarquable'].forEach((title, i) => fireEvent.change(screen.getByRole('textbox', { name: new RegExp(`^Critère 3, niveau ${i + 1}`) }), { target: { value: title } }));
    await fill(user, screen.getByRole('textbox', { name: 'Points du critère 3, niveau 3' }), '1');
    expect(screen.getByText('Les points des niveaux doivent croître du premier au dernier.')).toBeInTheDocument();
    await fill(user, screen.getByRole('textbox', { name: 'Points du critère 3, niveau 3' }), '4');
    expect(screen.queryByText('Les points des niveaux doivent croître du premier au dernier.')).not.toBeInTheDocument();
    expect(screen.getByTestId('rubric-total')).toHaveTextContent('12 points');

    await fill(user, screen.getByRole('textbox', { name: 'Nom du modèle' }), 'Ma grille');
    await user.click(screen.getByRole('button', { name: 'Enregistrer comme modèle' }));
    expect(await screen.findByText('Modèle « Ma grille » enregistré pour l’organisation.')).toBeInTheDocument();
    const savedTemplate = (await api.sent(`POST /api/v1/organizations/${organizationId}/rubric-templates`)[0]!.json()) as { title: string; rubric: Rubric };
    expect(savedTemplate.title).toBe('Ma grille');
    expect(savedTemplate.rubric.criteria.map((c) => c.title)).toEqual(['Structure', 'Risques', 'Présentation']);

    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(api.sent(`POST /api/v1/cohorts/${cohortId}/assignments`)).toHaveLength(1));
    const body = (await api.sent(`POST /api/v1/cohorts/${cohortId}/assignments`)[0]!.json()) as { kind: string; rubric: Rubric; questions: unknown };
    expect(body.kind).toBe('File');
    expect(body.questions).toBeNull();
    expect(body.rubric.criteria.map((c) => [c.title, c.competencyCode, c.levels.map((l) => [l.title, l.points])])).toEqual([
      ['Structure', 'C1', [['Absente', 0], ['Partielle', 1], ['Claire', 3]]],
      ['Risques', 'C2', [['Oubliés', 0], ['Cités', 2], ['Analysés', 5]]],
      ['Présentation', 'C2', [['Brouillon', 0], ['Soignée', 1], ['Remarquable', 4]]],
    ]);
    // The copy is the assignment's own: the server gives it new ids.
    expect(body.rubric.criteria[0]!.id).toBeNull();
  }, 20_000);

  it('explains a 409 rubric-in-use: the rubric is frozen once graded', async () => {
    signedInApi(trainerMe, {
      ...editorRoutes,
      'GET /api/v1/assignments/a1': () => json(assignment(), 200, { ETag: '"v1"' }),
      'PUT /api/v1/assignments/a1': () => problem(409, 'rubric-in-use', { title: 'Rubric already used for grading' }),
    });
    const { user } = renderRoute('/assignments/a1/edit', pages);
    await fill(user, await screen.findByRole('textbox', { name: 'Points du critère 2, niveau 3' }), '6');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/déjà été corrigés avec cette grille : elle ne change plus/)).toBeInTheDocument();
  }, 15_000);
});

describe('Rubric grading', () => {
  function gradingApi(routes: Record<string, Handler> = {}, overrides: Partial<Assignment> = {}) {
    return signedInApi(trainerMe, {
      'GET /api/v1/assignments/a1': () => json(assignment(overrides), 200, { ETag: '"v1"' }),
      'GET /api/v1/assignments/a1/submissions': () => json(paged([submission('s1', learnerMe.id)], 100)),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () => json(paged([{ userId: learnerMe.id, displayName: 'Léa Bernard' }], 100)),
      'GET /api/v1/submissions/s1': () => json(submission('s1', learnerMe.id)),
      ...routes,
    });
  }

  it('chooses levels by click and by keys 1-9, shows the scaled score live, and releases only with every criterion', async () => {
    const api = gradingApi({ 'PUT /api/v1/submissions/s1/grade': () => json(grade()) });
    const { user } = renderRoute('/assignments/a1/grading', pages);

    expect(await screen.findByText(/les touches 1 à 9 choisissent le niveau/)).toBeInTheDocument();
    const release = screen.getByRole('button', { name: 'Publier la note' });
    expect(release).toBeDisabled();
    expect(screen.getByText(/Manque : « Structure », « Risques »/)).toBeInTheDocument();
    expect(screen.getByTestId('rubric-score')).toHaveTextContent('Score de la grille : – / 20');

    await user.click(screen.getByRole('radio', { name: '3. Claire (3 pt)' }));
    expect(screen.getByTestId('rubric-score')).toHaveTextContent('Score de la grille : 7,5 / 20');
    // Keys on the focused criterion: 2 chooses its second level ("Cités", 2 points): (3 + 2) × 20 ÷ 8 = 12.5.
    within(screen.getByRole('radiogroup', { name: 'Risques (C2)' })).getByRole('radio', { name: '1. Oubliés (0 pt)' }).focus();
    await user.keyboard('2');
    expect(screen.getByRole('radio', { name: '2. Cités (2 pt)' })).toBeChecked();
    expect(screen.getByTestId('rubric-score')).toHaveTextContent('Score de la grille : 12,5 / 20');
    expect(release).toBeEnabled();

    // Digits typed in a comment stay in the comment.
    await user.type(screen.getByRole('textbox', { name: 'Commentaire sur « Risques » (Markdown)' }), 'Risque 1 **non chiffré**');
    expect(screen.getByRole('radio', { name: '2. Cités (2 pt)' })).toBeChecked();

    await user.click(release);
    await waitFor(() => expect(api.sent('PUT /api/v1/submissions/s1/grade')).toHaveLength(1));
    expect(await api.sent('PUT /api/v1/submissions/s1/grade')[0]!.json()).toEqual({
      score: null,
      feedback: '',
      status: 'Released',
      overrideReason: null,
      rubricScores: [
        { criterionId: 'c1', levelId: 'c1-3', comment: null },
        { criterionId: 'c2', levelId: 'c2-2', comment: 'Risque 1 **non chiffré**' },
      ],
      adjustments: null,
    });
  }, 15_000);

  it('asks for a reason when the score differs from the rubric, and sends it as an override', async () => {
    const api = gradingApi({ 'PUT /api/v1/submissions/s1/grade': () => json(grade({ status: 'Draft' })) });
    const { user } = renderRoute('/assignments/a1/grading', pages);
    await user.click(await screen.findByRole('radio', { name: '1. Absente (0 pt)' }));
    expect(screen.getByTestId('rubric-score')).toHaveTextContent('0 / 20');
    await fill(user, screen.getByRole('textbox', { name: 'Note (sur 20)' }), '2');
    await fill(user, screen.getByRole('textbox', { name: 'Motif de la modification du score calculé' }), 'Bonus oral');
    await user.click(screen.getByRole('button', { name: 'Enregistrer en brouillon' }));
    await waitFor(() => expect(api.sent('PUT /api/v1/submissions/s1/grade')).toHaveLength(1));
    expect(await api.sent('PUT /api/v1/submissions/s1/grade')[0]!.json()).toMatchObject({
      score: 2,
      status: 'Draft',
      overrideReason: 'Bonus oral',
      rubricScores: [{ criterionId: 'c1', levelId: 'c1-0', comment: null }],
    });
  });

  it("grades a group's hand-in once, with its members and a per-learner adjustment sent as adjustments", async () => {
    const group = { groupId: 'g1', handedInBy: mael };
    const api = gradingApi(
      {
        'GET /api/v1/assignments/a1/submissions': () =>
          json(paged([submission('s1', learnerMe.id, { ...group, text: 'Rapport', textHtml: '<p>Rapport</p>' }), submission('s2', mael, { ...group, handedInBy: null })], 100)),
        [`GET /api/v1/cohorts/${cohortId}/groups`]: () =>
          json([{ id: 'g1', name: 'Alpha', etag: '"1"', members: [{ userId: learnerMe.id, displayName: 'Léa Bernard' }, { userId: mael, displayName: 'Maël Fournier' }] }]),
        'GET /api/v1/submissions/s1': () => json(submission('s1', learnerMe.id, { ...group, textHtml: '<p>Rapport</p>' })),
        'PUT /api/v1/submissions/s1/grade': () => json(grade({ status: 'Draft' })),
      },
      { kind: 'GroupProject', rubric: undefined },
    );
    const { user } = renderRoute('/assignments/a1/grading', pages);
    await waitFor(() => expect(screen.getByTestId('grading-learner')).toHaveTextContent('Groupe Alpha'));
    expect(screen.getByText(/Rendu 1 sur 1/)).toBeInTheDocument();
    expect(screen.getByLabelText('Membres du groupe Alpha')).toHaveTextContent('Léa Bernard, Maël Fournier · Rendu par Maël Fournier pour le groupe.');

    await fill(user, screen.getByRole('textbox', { name: 'Note (sur 20)' }), '14');
    await fill(user, screen.getByRole('textbox', { name: 'Ajustement de Maël Fournier (points)' }), '-2');
    expect(screen.getByRole('textbox', { name: 'Raison pour Maël Fournier' })).toBeRequired();
    await fill(user, screen.getByRole('textbox', { name: 'Raison pour Maël Fournier' }), 'Absent aux deux dernières séances');
    await user.click(screen.getByRole('button', { name: 'Enregistrer en brouillon' }));
    await waitFor(() => expect(api.sent('PUT /api/v1/submissions/s1/grade')).toHaveLength(1));
    expect(await api.sent('PUT /api/v1/submissions/s1/grade')[0]!.json()).toMatchObject({
      score: 14,
      rubricScores: null,
      adjustments: [{ learnerId: mael, points: -2, reason: 'Absent aux deux dernières séances' }],
    });
  });
});

describe('Submissions list', () => {
  it("lists a group's hand-in once, with the members it was handed in for, and each individual hand-in by its learner", async () => {
    const group = { groupId: 'g1', attempt: 2 };
    signedInApi(trainerMe, {
      'GET /api/v1/assignments/a1': () => json(assignment({ kind: 'GroupProject', rubric: undefined }), 200, { ETag: '"v1"' }),
      'GET /api/v1/assignments/a1/submissions': () =>
        json(paged([submission('s1', learnerMe.id, { ...group, handedInBy: mael }), submission('s2', mael, group), submission('s3', solo)], 100)),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () =>
        json(paged([{ userId: learnerMe.id, displayName: 'Léa Bernard' }, { userId: mael, displayName: 'Maël Fournier' }, { userId: solo, displayName: 'Inès Roy' }], 100)),
      [`GET /api/v1/cohorts/${cohortId}/groups`]: () =>
        json([{ id: 'g1', name: 'Alpha', etag: '"1"', members: [{ userId: learnerMe.id, displayName: 'Léa Bernard' }, { userId: mael, displayName: 'Maël Fournier' }] }]),
    });
    renderRoute('/assignments/a1/submissions', pages);

    const link = await screen.findByRole('link', { name: 'Corriger le rendu de Groupe Alpha' });
    expect(link).toHaveAttribute('href', '/assignments/a1/grading?submission=s1');
    expect(screen.getByLabelText('Membres du groupe Alpha')).toHaveTextContent('Léa Bernard, Maël Fournier');
    expect(screen.getByRole('link', { name: 'Corriger le rendu de Inès Roy' })).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(1 + 2);
  });
});

describe('Learner results and group projects', () => {
  it('shows the feedback per criterion once released: level, points / max, the comment as the server rendered and sanitized it', async () => {
    signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(assignment(), 200, { ETag: '"v1"' }),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      'GET /api/v1/me/assignments': () => json(paged([mine({ attempts: 1, lastSubmissionId: 's1', gradeStatus: 'Released', isToDo: false })])),
      'GET /api/v1/submissions/s1': () =>
        json(
          submission('s1', learnerMe.id, {
            grade: grade({
              rubricScores: [
                { criterionId: 'c1', levelId: 'c1-3', criterion: 'Structure', level: 'Claire', points: 3, maxPoints: 3, competencyCode: 'C1', comment: null, commentHtml: null },
                { criterionId: 'c2', levelId: 'c2-2', criterion: 'Risques', level: 'Cités', points: 2, maxPoints: 5, competencyCode: 'C2', comment: 'Chiffrez **chaque** risque', commentHtml: '<p>Chiffrez <strong>chaque</strong> risque</p>' },
              ],
            }),
          }),
        ),
    });
    renderRoute('/assignments/a1', pages);
    const table = await screen.findByRole('table', { name: 'Retour par critère' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['Claire', '3 / 3', ''],
      ['Cités', '2 / 5', 'Chiffrez chaque risque'],
    ]);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Risques (C2)');
    expect(within(rows[1]!).getByText('chaque').tagName).toBe('STRONG');
    expect(screen.getByTestId('grade-score')).toHaveTextContent('Note : 12,5 / 20');
  });

  it('hides the rubric of a draft grade from the learner', async () => {
    signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(assignment(), 200, { ETag: '"v1"' }),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      'GET /api/v1/me/assignments': () => json(paged([mine({ attempts: 1, lastSubmissionId: 's1', isToDo: false })])),
      'GET /api/v1/submissions/s1': () => json(submission('s1', learnerMe.id)),
    });
    renderRoute('/assignments/a1', pages);
    expect(await screen.findByText('Votre rendu attend sa correction.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Retour par critère' })).not.toBeInTheDocument();
  });

  const groupAssignment = assignment({ kind: 'GroupProject', rubric: undefined, allowResubmission: true });
  const groups = () =>
    json([{ id: 'g1', name: 'Alpha', etag: '"1"', members: [{ userId: learnerMe.id, displayName: 'Léa Bernard' }, { userId: mael, displayName: 'Maël Fournier' }] }]);

  it("hands in a group project once for the group, showing its members and who handed it in", async () => {
    let state = mine({ kind: 'GroupProject' });
    const api = signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(groupAssignment, 200, { ETag: '"v1"' }),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      [`GET /api/v1/cohorts/${cohortId}/groups`]: groups,
      'GET /api/v1/me/assignments': () => json(paged([state])),
      'POST /api/v1/assignments/a1/submissions': () => {
        state = mine({ kind: 'GroupProject', attempts: 1, lastSubmissionId: 's1', isToDo: false });
        return json(submission('s1', learnerMe.id, { groupId: 'g1' }), 201);
      },
      'GET /api/v1/submissions/s1': () => json(submission('s1', learnerMe.id, { groupId: 'g1', handedInBy: mael })),
    });
    const { user } = renderRoute('/assignments/a1', pages);
    const members = await screen.findByRole('list', { name: 'Membres du groupe Alpha' });
    expect(within(members).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Léa Bernard', 'Maël Fournier']);
    expect(screen.getByText(/se rend une fois pour tout le groupe/)).toBeInTheDocument();

    await fill(user, screen.getByRole('textbox', { name: /Votre texte/ }), 'Notre rapport');
    await user.click(screen.getByRole('button', { name: 'Rendre pour le groupe' }));
    await waitFor(() => expect(api.sent('POST /api/v1/assignments/a1/submissions')).toHaveLength(1));
    expect(await api.sent('POST /api/v1/assignments/a1/submissions')[0]!.json()).toEqual({ text: 'Notre rapport', fileIds: [] });
    expect(await screen.findByTestId('handed-in-by')).toHaveTextContent('Rendu par Maël Fournier pour le groupe.');
  });

  it('explains 409 not-in-a-group, and says so before for a learner in no group', async () => {
    signedInApi(learnerMe, {
      'GET /api/v1/assignments/a1': () => json(groupAssignment, 200, { ETag: '"v1"' }),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      [`GET /api/v1/cohorts/${cohortId}/groups`]: () => json([]),
      'GET /api/v1/me/assignments': () => json(paged([mine({ kind: 'GroupProject' })])),
      'POST /api/v1/assignments/a1/submissions': () => problem(409, 'not-in-a-group', { title: 'Not in a group' }),
    });
    const { user } = renderRoute('/assignments/a1', pages);
    expect(await screen.findByText(/Vous n’êtes dans aucun groupe de projet/)).toBeInTheDocument();
    await fill(user, screen.getByRole('textbox', { name: /Votre texte/ }), 'Seul');
    await user.click(screen.getByRole('button', { name: 'Rendre pour le groupe' }));
    expect(await screen.findByText(/vous n’êtes encore dans aucun groupe de projet : demandez à votre formateur/)).toBeInTheDocument();
  });
});
