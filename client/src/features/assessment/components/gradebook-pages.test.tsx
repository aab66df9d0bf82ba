import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, problem } from '@/testing/fake-api';
import { cohortFixture, cohortId, learnerMe, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { Assignment } from '@/features/assessment/api/assessment';
import type { CompetencyHeatmap, Gradebook, GradebookPolicy, GradebookRow, LearnerCompetencies } from '@/features/assessment/api/gradebook';
import { AssignmentsPage } from './assignments-page';
import { CompetencyHeatmapPage } from './competency-heatmap-page';
import { GradebookPage } from './gradebook-page';
import { GradebookPolicyPage } from './gradebook-policy-page';
import { MyGradesPage } from './my-grades-page';

const pages = {
  '/cohorts/:cohortId/assignments': <AssignmentsPage />,
  '/cohorts/:cohortId/gradebook': <GradebookPage />,
  '/cohorts/:cohortId/gradebook/policy': <GradebookPolicyPage />,
  '/cohorts/:cohortId/competencies': <CompetencyHeatmapPage />,
  '/cohorts/:cohortId/grades': <MyGradesPage />,
};

const trainerCohort = cohortFixture({ capabilities: ['ViewInside', 'PreviewContent', 'ManageAssignments', 'ActOnAllLearners'] });
const mentorCohort = cohortFixture({ myRole: 'Mentor', capabilities: ['ViewInside', 'PreviewContent', 'ActOnOwnMentees'] });
const learnerCohort = cohortFixture({ myRole: 'Learner', capabilities: ['ViewInside', 'Learn'] });

const policy: GradebookPolicy = {
  cohortId,
  categories: [
    { name: 'Quiz', weight: 30, dropLowest: 0 },
    { name: 'Devoirs', weight: 40, dropLowest: 1 },
    { name: 'Projet', weight: 30, dropLowest: 0 },
  ],
  passMark: 50,
  missingCountsAsZero: false,
  isDefault: false,
  etag: '"p1"',
};

const columns: Gradebook['assignments'] = [
  { id: 'q1', title: 'Quiz : cadrage', kind: 'Quiz', category: 'Quiz', maxPoints: 10, dueAt: '2027-01-08T22:59:00Z' },
  { id: 't1', title: 'Note de cadrage', kind: 'Text', category: 'Devoirs', maxPoints: 20, dueAt: '2027-01-15T22:59:00Z' },
  { id: 't2', title: 'Analyse des risques', kind: 'Text', category: 'Devoirs', maxPoints: 20, dueAt: '2027-01-29T22:59:00Z' },
  { id: 'f1', title: 'Planning', kind: 'File', category: 'Projet', maxPoints: 20, dueAt: '2027-02-05T22:59:00Z' },
];

// Hand-computed as the API does: Quiz 7.5/10 = 75 %; Devoirs keeps 16/20 = 80 % and drops 14/20; Projet has nothing
// released yet, so the grade weighs the other two: (30 × 75 + 40 × 80) / 70 = 77.857… → 77.86.
const anais: GradebookRow = {
  userId: learnerMe.id,
  displayName: 'Anaïs Girard',
  grade: 77.86,
  passed: true,
  withdrawn: false,
  categories: [
    { name: 'Quiz', grade: 75 },
    { name: 'Devoirs', grade: 80 },
    { name: 'Projet', grade: null },
  ],
  cells: [
    { score: 7.5, status: 'Released', dropped: false },
    { score: 16, status: 'Released', dropped: false },
    { score: 14, status: 'Released', dropped: true },
    { score: null, status: 'Pending', dropped: false },
  ],
};
const james: GradebookRow = {
  userId: '0192f0c1-0000-7000-8000-00000000c002',
  displayName: 'James O’Connor',
  grade: 42.5,
  passed: false,
  withdrawn: false,
  categories: [
    { name: 'Quiz', grade: 50 },
    { name: 'Devoirs', grade: 37.5 },
    { name: 'Projet', grade: null },
  ],
  cells: [
    { score: 5, status: 'Released', dropped: false },
    { score: 7.5, status: 'Released', dropped: false },
    { score: null, status: 'Missing', dropped: false },
    { score: null, status: 'Upcoming', dropped: false },
  ],
};

function gradebook(items: GradebookRow[], overrides: Partial<Gradebook> = {}): Gradebook {
  return { cohortId, policy, assignments: columns, items, page: 1, pageSize: 50, totalCount: items.length, ...overrides };
}

afterEach(() => vi.unstubAllGlobals());

describe('Gradebook (staff)', () => {
  it('shows each learner’s weighted grade and subtotals to the decimal, statuses in words, and exports the CSV with the session’s token', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(trainerCohort),
      [`GET /api/v1/cohorts/${cohortId}/gradebook`]: () => json(gradebook([anais, james])),
      [`GET /api/v1/cohorts/${cohortId}/gradebook.csv`]: () => new Response('\uFEFFApprenant;Note\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    });
    const createObjectURL = vi.fn(() => 'blob:gradebook');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const { user } = renderRoute(`/cohorts/${cohortId}/gradebook`, pages);

    const table = await screen.findByTestId('gradebook');
    const row = within(table).getByRole('rowheader', { name: 'Anaïs Girard' }).closest('tr')!;
    expect(within(row).getByTestId(`grade-${learnerMe.id}`)).toHaveTextContent('77,86 %');
    expect(within(row).getByTestId(`grade-${learnerMe.id}`)).toHaveTextContent('Admis');
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    // Grade, Quiz, Devoirs, Projet, then the four assignments.
    expect(cells.slice(1, 4)).toEqual(['75 %', '80 %', '—']);
    expect(cells[4]).toContain('7,5');
    expect(cells[6]).toContain('ignorée (parmi les plus basses)');
    expect(cells[7]).toContain('En attente de correction');
    const other = within(table).getByRole('rowheader', { name: 'James O’Connor' }).closest('tr')!;
    expect(within(other).getByTestId(`grade-${james.userId}`)).toHaveTextContent('42,5 %✗ Non admis');
    expect(other).toHaveTextContent('Manquant');
    expect(other).toHaveTextContent('À venir');
    expect(within(table).getByRole('columnheader', { name: /Devoirs\s*40 %/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Politique de notation' })).toHaveAttribute('href', `/cohorts/${cohortId}/gradebook/policy`);

    await user.click(screen.getByRole('button', { name: 'Exporter (CSV)' }));
    await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
    const [csv] = api.sent(`GET /api/v1/cohorts/${cohortId}/gradebook.csv`);
    expect(csv!.headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('shows a mentor no export and no policy (the API already answered with their learners only)', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(mentorCohort),
      [`GET /api/v1/cohorts/${cohortId}/gradebook`]: () => json(gradebook([james])),
    });
    renderRoute(`/cohorts/${cohortId}/gradebook`, pages);

    expect(await screen.findByRole('rowheader', { name: 'James O’Connor' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Exporter (CSV)' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Politique de notation' })).not.toBeInTheDocument();
  });

  it('lists the learners who withdrew, marked, only when a trainer asks for them', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(trainerCohort),
      [`GET /api/v1/cohorts/${cohortId}/gradebook`]: (request) =>
        json(gradebook(new URL(request.url).searchParams.get('includeWithdrawn') === 'true' ? [anais, { ...james, withdrawn: true }] : [anais])),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/gradebook`, pages);

    const table = await screen.findByTestId('gradebook');
    expect(within(table).queryByText('James O’Connor')).not.toBeInTheDocument();
    expect(new URL(api.sent(`GET /api/v1/cohorts/${cohortId}/gradebook`).at(-1)!.url).searchParams.has('includeWithdrawn')).toBe(false);

    await user.click(screen.getByRole('switch', { name: 'Afficher aussi les apprenants partis (leurs notes passées)' }));
    const row = (await within(screen.getByTestId('gradebook')).findByText('James O’Connor')).closest('tr')!;
    expect(row).toHaveTextContent('A quitté la cohorte');
    expect(within(row).getByTestId(`grade-${james.userId}`)).toHaveTextContent('42,5 %');
    expect(new URL(api.sent(`GET /api/v1/cohorts/${cohortId}/gradebook`).at(-1)!.url).searchParams.get('includeWithdrawn')).toBe('true');
    expect(within(screen.getByTestId('gradebook')).getByText('Anaïs Girard').closest('tr')).not.toHaveTextContent('A quitté la cohorte');
  });

  it('stays readable at 50 learners × 40 assignments: sticky header and learner column, and pages over learners', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, title: `Devoir ${i + 1}`, kind: 'Text' as const, category: 'Devoirs', maxPoints: 20, dueAt: '2027-01-15T22:59:00Z' }));
    const rows = Array.from({ length: 50 }, (_, i) => ({
      userId: `0192f0c1-0000-7000-8000-0000000e${String(i).padStart(4, '0')}`,
      displayName: `Apprenant ${String(i + 1).padStart(2, '0')}`,
      grade: 50,
      passed: true,
      withdrawn: false,
      categories: [],
      cells: many.map(() => ({ score: 10, status: 'Released' as const, dropped: false })),
    }));
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(trainerCohort),
      [`GET /api/v1/cohorts/${cohortId}/gradebook`]: (request) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return json(gradebook(page === 1 ? rows : rows.slice(0, 3), { policy: { ...policy, categories: [] }, assignments: many, page, totalCount: 53 }));
      },
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/gradebook`, pages);

    const table = await screen.findByTestId('gradebook');
    // DOM queries: role queries over 2,000 cells take a minute in jsdom.
    expect(table.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(table.querySelectorAll('thead th')).toHaveLength(1 + 1 + 40);
    expect(within(table).getByText('Apprenant', { selector: 'th' })).toHaveStyle({ position: 'sticky', top: '0px', left: '0px' });
    expect(within(table).getByText('Apprenant 50').closest('th')).toHaveStyle({ position: 'sticky', left: '0px' });
    expect(table).toHaveStyle({ overflow: 'auto' });
    // One tab stop for the whole grid (arrow keys move within it), not one per cell.
    await waitFor(() => expect(table.querySelectorAll('[tabindex="0"]')).toHaveLength(1));

    await user.click(within(screen.getByRole('navigation', { name: 'Pagination' })).getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(screen.getByTestId('gradebook').querySelectorAll('tbody tr')).toHaveLength(3));
    expect(new URL(api.sent(`GET /api/v1/cohorts/${cohortId}/gradebook`).at(-1)!.url).searchParams.get('page')).toBe('2');
  }, 30_000);
});

describe('Gradebook policy', () => {
  it('adds the weights up live, refuses to save until they make 100, and saves with If-Match', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}/gradebook/policy`]: () => json(policy, 200, { ETag: '"p1"' }),
      [`PUT /api/v1/cohorts/${cohortId}/gradebook/policy`]: async (request) => json({ ...policy, ...((await request.json()) as object), etag: '"p2"' }),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/gradebook/policy`, pages);

    expect(await screen.findByTestId('weight-total')).toHaveTextContent('✓ Total : 100 %');
    const weights = screen.getAllByRole('textbox', { name: 'Poids' });
    fireEvent.change(weights[2]!, { target: { value: '50' } });
    await waitFor(() => expect(screen.getByTestId('weight-total')).toHaveTextContent('✗ Total : 120 % (doit faire 100 %)'));
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
    fireEvent.change(weights[1]!, { target: { value: '20' } });
    await waitFor(() => expect(screen.getByTestId('weight-total')).toHaveTextContent('✓ Total : 100 %'));
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Ignorer les N plus basses' })[1]!, { target: { value: '2' } });
    await user.click(screen.getByRole('checkbox', { name: /Un travail manquant compte 0/ }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Politique enregistrée.')).toBeInTheDocument();
    const [put] = api.sent(`PUT /api/v1/cohorts/${cohortId}/gradebook/policy`);
    expect(put!.headers.get('If-Match')).toBe('"p1"');
    expect(await put!.json()).toEqual({
      categories: [
        { name: 'Quiz', weight: 30, dropLowest: 0 },
        { name: 'Devoirs', weight: 20, dropLowest: 2 },
        { name: 'Projet', weight: 50, dropLowest: 0 },
      ],
      passMark: 50,
      missingCountsAsZero: true,
    });
  }, 20_000);

  it('says someone else changed the policy on a 412 and reloads their version', async () => {
    let version = 1;
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}/gradebook/policy`]: () =>
        json(version === 1 ? policy : { ...policy, categories: [{ name: 'Tout', weight: 100, dropLowest: 0 }], etag: '"p2"' }),
      [`PUT /api/v1/cohorts/${cohortId}/gradebook/policy`]: () => {
        version = 2;
        return problem(412, 'precondition-failed');
      },
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/gradebook/policy`, pages);

    await user.click(await screen.findByRole('button', { name: 'Enregistrer' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Quelqu’un a modifié cette politique entre-temps.');
    await user.click(within(alert).getByRole('button', { name: 'Recharger' }));
    expect(await screen.findByDisplayValue('Tout')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('Competency heat map', () => {
  it('writes every learner’s latest mastery as a number on its colour, and says when there is no evidence', async () => {
    const heatmap: CompetencyHeatmap = {
      competencies: [
        { code: 'C1', title: 'Planifier' },
        { code: 'C2', title: 'Communiquer' },
      ],
      items: [
        { userId: learnerMe.id, displayName: 'Anaïs Girard', latest: { C1: 62.5, C2: 100 } },
        { userId: james.userId, displayName: 'James O’Connor', latest: { C1: 0 } },
      ],
      page: 1,
      pageSize: 50,
      totalCount: 2,
    };
    signedInApi(trainerMe, { [`GET /api/v1/cohorts/${cohortId}/competencies/heatmap`]: () => json(heatmap) });
    renderRoute(`/cohorts/${cohortId}/competencies`, pages);

    const map = await screen.findByTestId('heatmap');
    const anaisRow = within(map).getByRole('rowheader', { name: 'Anaïs Girard' }).closest('tr')!;
    const [c1, c2] = within(anaisRow).getAllByRole('cell');
    expect(c1).toHaveTextContent('62,5 %');
    expect(c1).toHaveStyle({ background: 'rgb(230, 244, 190)' }); // hsl(75 70% 85%): 62.5 % of the way to green
    expect(c2).toHaveTextContent('100 %');
    const jamesRow = within(map).getByRole('rowheader', { name: 'James O’Connor' }).closest('tr')!;
    expect(within(jamesRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['0 %', '—Pas encore évaluée']);
    expect(within(map).getByRole('columnheader', { name: /^C1\s*Planifier$/ })).toBeInTheDocument();
  });
});

describe('Mes notes', () => {
  it('shows the learner their own grade, their released results over time and their competencies', async () => {
    const competencies: LearnerCompetencies = {
      cohortId,
      userId: learnerMe.id,
      competencies: [
        { code: 'C1', title: 'Planifier', latest: 75, average: 68.75, trend: 12.5, series: [] },
        { code: 'C2', title: 'Communiquer', latest: 50, average: 50, trend: null, series: [] },
        { code: 'C3', title: 'Estimer', latest: 87.5, average: 87.5, trend: -2.25, series: [] },
        { code: 'C4', title: 'Négocier', latest: null, average: null, trend: null, series: [] },
      ],
    };
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}/gradebook`]: () => json(gradebook([anais])),
      [`GET /api/v1/cohorts/${cohortId}/members/${learnerMe.id}/competencies`]: () => json(competencies),
    });
    renderRoute(`/cohorts/${cohortId}/grades`, pages);

    expect(await screen.findByTestId('my-grade')).toHaveTextContent('77,86 %');
    expect(screen.getByText('✓ Admis')).toBeInTheDocument();
    expect(screen.getByText('Devoirs (40 %)').nextSibling).toHaveTextContent('80 %');
    // The dropped one is still a released result: 7.5/10, 16/20, 14/20.
    expect(screen.getByRole('img', { name: /^Résultats publiés/ })).toHaveAccessibleName(
      'Résultats publiés, dans l’ordre des dates de rendu : Quiz : cadrage 75 % ; Note de cadrage 80 % ; Analyse des risques 70 %',
    );
    expect(screen.getByRole('row', { name: /Planning/ })).toHaveTextContent('En attente de correction');

    expect(await screen.findByRole('img', { name: /Radar de vos compétences/ })).toBeInTheDocument();
    expect(screen.getByRole('row', { name: /C1 – Planifier/ })).toHaveTextContent('75 %68,75 %↑ +12,5 pts');
    expect(screen.getByRole('row', { name: /C3 – Estimer/ })).toHaveTextContent('↓ -2,25 pts');
    expect(screen.getByRole('row', { name: /C4 – Négocier/ })).toHaveTextContent('———');
  });
});

describe('Links by capability', () => {
  const assignment: Assignment = {
    id: 'a1', cohortId, kind: 'Text', title: 'Note', instructions: null, instructionsHtml: '', maxPoints: 20, category: 'Devoirs', isPublished: true,
    releaseAt: '2027-01-10T08:00:00Z', dueAt: '2027-01-20T18:00:00Z', yourDueAt: null, allowResubmission: false, latePolicy: 'AcceptAndFlag',
    latePenaltyPercentPerDay: null, maxAttempts: null, answersShown: true, questions: [], createdAt: '2027-01-09T08:00:00Z', version: 'v1',
  };

  it('offers staff the gradebook and the heat map, and a learner "Mes notes" only', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(trainerCohort),
      [`GET /api/v1/cohorts/${cohortId}/assignments`]: () => json(paged([assignment])),
    });
    const staff = renderRoute(`/cohorts/${cohortId}/assignments`, pages);
    expect(await screen.findByRole('link', { name: 'Carnet de notes' })).toHaveAttribute('href', `/cohorts/${cohortId}/gradebook`);
    expect(screen.getByRole('link', { name: 'Carte des compétences' })).toHaveAttribute('href', `/cohorts/${cohortId}/competencies`);
    expect(screen.queryByRole('link', { name: 'Mes notes' })).not.toBeInTheDocument();
    staff.unmount();

    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      [`GET /api/v1/cohorts/${cohortId}/assignments`]: () => json(paged([assignment])),
      'GET /api/v1/me/assignments': () => json(paged([])),
    });
    renderRoute(`/cohorts/${cohortId}/assignments`, pages);
    expect(await screen.findByRole('link', { name: 'Mes notes' })).toHaveAttribute('href', `/cohorts/${cohortId}/grades`);
    expect(screen.queryByRole('link', { name: 'Carnet de notes' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Carte des compétences' })).not.toBeInTheDocument();
  });
});
