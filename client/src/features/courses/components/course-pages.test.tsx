import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/lib/api/schema';
import { json, noContent, problem } from '@/testing/fake-api';
import { FakeXhr } from '@/testing/fake-xhr';
import { cohortFixture, cohortId, courseId, learnerMe, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { CohortCoursePage } from '@/features/courses/components/cohort-course-page';
import { CohortProgressPage } from '@/features/courses/components/cohort-progress-page';
import { CourseEditorPage } from '@/features/courses/components/course-editor-page';
import { CreateCoursePage } from '@/features/courses/components/create-course-page';
import { signedInApi } from '@/testing/session-api';

/** The pages under test, at their routes (see renderRoute). */
const pages = {
  '/courses/new': <CreateCoursePage />,
  '/courses/:courseId/edit': <CourseEditorPage />,
  '/cohorts/:cohortId/course': <CohortCoursePage />,
  '/cohorts/:cohortId/progress': <CohortProgressPage />,
};

type Activity = components['schemas']['Activity'];

afterEach(() => vi.unstubAllGlobals());

const course = {
  id: courseId,
  organizationId: trainerMe.organizations[0]!.organizationId,
  title: 'Design d’interfaces',
  summary: 'Concevoir des interfaces accessibles.',
  language: 'fr',
  competencies: [{ code: 'C1', title: 'Concevoir' }],
  isPublished: false,
  createdAt: '2027-01-10T08:00:00Z',
};
const sectionId = '0192f0c1-0000-7000-8000-0000000d0001';

function activity(id: string, title: string, position: number, overrides: Partial<Activity> = {}): Activity {
  return {
    id,
    sectionId,
    kind: 'Lesson',
    title,
    contentMarkdown: `# ${title}`,
    contentHtml: `<h1>${title}</h1>`,
    url: null,
    fileId: null,
    position,
    offsetDays: position,
    dueOffsetDays: null,
    durationMinutes: 20,
    competencyCodes: [],
    etag: `"${id}"`,
    ...overrides,
  };
}

function outline(activities: Activity[]) {
  return { courseId, title: course.title, isPublished: false, etag: '"o1"', sections: [{ id: sectionId, title: 'Semaine 1', position: 0, activities, etag: '"s1"' }] };
}

describe('Trainer: the course editor', () => {
  it('deletes an activity only after saying what it takes away, with If-Match its tag', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/courses/${courseId}`]: () => json(course, 200, { ETag: '"v1"' }),
      [`GET /api/v1/courses/${courseId}/outline`]: () => json(outline([activity('a1', 'Accueil', 0), activity('a2', 'Couleurs', 1)])),
      [`GET /api/v1/courses/${courseId}/activities/a2/impact`]: () => json({ activities: 1, completions: 12, learners: 7 }),
      [`DELETE /api/v1/courses/${courseId}/activities/a2`]: () => new Response(null, { status: 204 }),
    });
    const { user } = renderRoute(`/courses/${courseId}/edit`, pages);

    const row = await screen.findByRole('listitem', { name: 'Couleurs' }, { timeout: 15000 });
    expect(within(row).getByRole('button', { name: 'Déplacer l’activité Couleurs' })).toBeInTheDocument();
    await user.click(within(row).getByRole('button', { name: 'Supprimer Couleurs' }));
    const confirmation = await within(row).findByRole('group', { name: 'Supprimer Couleurs' });
    expect(await within(confirmation).findByTestId('impact')).toHaveTextContent('Supprimer « Couleurs » efface 12 validations d’activités (7 apprenants).');
    expect(api.sent(`DELETE /api/v1/courses/${courseId}/activities/a2`)).toHaveLength(0);
    await user.click(within(confirmation).getByRole('button', { name: 'Confirmer la suppression' }));

    await waitFor(() => expect(api.sent(`DELETE /api/v1/courses/${courseId}/activities/a2`)).toHaveLength(1));
    expect(api.sent(`DELETE /api/v1/courses/${courseId}/activities/a2`)[0]!.headers.get('If-Match')).toBe('"a2"');
  });

  it('renames a section with If-Match its tag, keeping its place', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/courses/${courseId}`]: () => json(course, 200, { ETag: '"v1"' }),
      [`GET /api/v1/courses/${courseId}/outline`]: () => json(outline([])),
      [`PUT /api/v1/courses/${courseId}/sections/${sectionId}`]: () => json({ id: sectionId, title: 'Semaine 1 : les bases', position: 0, etag: '"s2"' }),
    });
    const { user } = renderRoute(`/courses/${courseId}/edit`, pages);

    await user.click(await screen.findByRole('button', { name: 'Renommer Semaine 1' }, { timeout: 5000 }));
    const input = screen.getByRole('textbox', { name: 'Renommer Semaine 1' });
    await user.clear(input);
    expect(screen.getByText('Ce champ est obligatoire.')).toBeInTheDocument();
    await user.type(input, 'Semaine 1 : les bases');
    await user.click(screen.getByRole('button', { name: 'Enregistrer le titre' }));

    await waitFor(() => expect(api.sent(`PUT /api/v1/courses/${courseId}/sections/${sectionId}`)).toHaveLength(1));
    const sent = api.sent(`PUT /api/v1/courses/${courseId}/sections/${sectionId}`)[0]!;
    expect(sent.headers.get('If-Match')).toBe('"s1"');
    expect(await sent.json()).toEqual({ title: 'Semaine 1 : les bases', position: 0 });
  });

  it('publishes with If-Match and offers to reload when someone changed the course meanwhile', async () => {
    let version = 1;
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/courses/${courseId}`]: () => json(course, 200, { ETag: `"v${version}"` }),
      [`GET /api/v1/courses/${courseId}/outline`]: () => json(outline([])),
      [`PUT /api/v1/courses/${courseId}`]: () => problem(412, 'precondition-failed'),
    });
    const { user } = renderRoute(`/courses/${courseId}/edit`, pages);

    await screen.findByRole('heading', { level: 1, name: 'Modifier « Design d’interfaces »' });
    expect(await screen.findByText('Aucune activité dans cette section.')).toBeInTheDocument();
    await user.click(screen.getByRole('switch', { name: 'Publié' }));
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Le cours a changé entre-temps');
    const sent = api.sent(`PUT /api/v1/courses/${courseId}`)[0]!;
    expect(sent.headers.get('If-Match')).toBe('"v1"');
    expect(await sent.json()).toMatchObject({ title: 'Design d’interfaces', isPublished: true, competencies: [{ code: 'C1', title: 'Concevoir' }] });

    version = 2;
    await user.click(within(alert).getByRole('button', { name: 'Recharger la dernière version' }));
    await waitFor(() => expect(api.sent(`GET /api/v1/courses/${courseId}`)).toHaveLength(2));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('adds a resource: the file goes up with a progress bar, the activity refers to it', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/courses/${courseId}`]: () => json(course, 200, { ETag: '"v1"' }),
      [`GET /api/v1/courses/${courseId}/outline`]: () => json(outline([])),
      [`POST /api/v1/courses/${courseId}/activities`]: async (request) => {
        const body = (await request.json()) as Activity & { content: string };
        return json(activity('a9', body.title, 0, { kind: 'Resource', fileId: body.fileId, contentMarkdown: body.content, contentHtml: '<p>Le plan</p>' }), 201);
      },
    });
    const { user, container } = renderRoute(`/courses/${courseId}/edit`, pages);

    await user.click(await screen.findByRole('button', { name: 'Ajouter une activité à Semaine 1' }));
    const form = screen.getByRole('region', { name: 'Nouvelle activité' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Type d’activité' }), 'Resource');
    await user.type(within(form).getByRole('textbox', { name: 'Titre de l’activité' }), 'Plan du cours');

    // Submitting without link or file is refused before any request.
    await user.click(within(form).getByRole('button', { name: 'Ajouter l’activité' }));
    expect(await within(form).findByText('Une ressource a besoin d’un lien ou d’un fichier déposé.')).toBeInTheDocument();

    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.7'], 'plan.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() => FakeXhr.last!.upload.onprogress?.({ loaded: 40, total: 100, lengthComputable: true }));
    expect(await within(form).findByText(/Envoi de plan\.pdf : 40/)).toBeInTheDocument();
    expect(within(form).getByRole('progressbar', { name: 'Envoi de plan.pdf' })).toHaveAttribute('aria-valuenow', '40');
    act(() => FakeXhr.last!.respond(201, { fileId: 'f-1', fileName: 'plan.pdf', contentType: 'application/pdf', size: 2048 }));
    expect(await within(form).findByText('plan.pdf est déposé.')).toBeInTheDocument();
    expect(FakeXhr.last!.url).toMatch(/\/api\/v1\/files$/);

    await user.click(within(form).getByRole('checkbox', { name: 'C1 · Concevoir' }));
    await user.click(within(form).getByRole('button', { name: 'Ajouter l’activité' }));
    expect(await screen.findByText('Activité « Plan du cours » enregistrée.')).toBeInTheDocument();
    const body = (await api.sent(`POST /api/v1/courses/${courseId}/activities`)[0]!.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'Resource', title: 'Plan du cours', fileId: 'f-1', url: null, competencyCodes: ['C1'], sectionId });

    // The preview is the server's rendering of what was saved.
    await user.click(screen.getByRole('tab', { name: 'Aperçu' }));
    expect(within(screen.getByTestId('activity-preview')).getByText('Le plan')).toBeInTheDocument();
  });
});

const learnerCohort = cohortFixture({ myRole: 'Learner', timeZone: 'America/Montreal' });

function schedule(completedAt: string | null) {
  return {
    cohortId,
    courseId,
    timeZone: 'America/Montreal',
    startsOn: '2027-03-01',
    learnerId: learnerMe.id,
    activities: [
      {
        activityId: 'a1',
        sectionId,
        sectionTitle: 'Semaine 1',
        kind: 'Lesson',
        title: 'Accueil',
        durationMinutes: 20,
        releaseAt: '2027-03-01T05:00:00Z',
        dueAt: '2027-03-04T04:59:00Z',
        shiftDays: 0,
        released: true,
        contentHtml: '<p>Bienvenue <strong>à tous</strong></p>',
        url: null,
        completedAt,
      },
      {
        activityId: 'a2',
        sectionId,
        sectionTitle: 'Semaine 1',
        kind: 'Video',
        title: 'Démonstration',
        durationMinutes: 10,
        releaseAt: '2027-03-08T05:00:00Z',
        dueAt: null,
        shiftDays: 0,
        released: false,
        contentHtml: null,
        url: null,
        completedAt: null,
      },
    ],
    extraResources: [{ id: 'x1', title: 'Guide RGAA', url: 'https://accessibilite.numerique.gouv.fr/', contentHtml: '<p>À lire</p>' }],
  };
}

describe('Learner: the course of their cohort', () => {
  it('shows dates in the cohort’s zone, reads a lesson and marks it done; progress follows', async () => {
    let done: string | null = null;
    const api = signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      [`GET /api/v1/cohorts/${cohortId}/schedule`]: () => json(schedule(done)),
      [`POST /api/v1/cohorts/${cohortId}/activities/a1/completion`]: () => {
        done = '2027-03-02T15:00:00Z';
        return json({ activityId: 'a1', completedAt: done });
      },
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/course`, pages);

    await screen.findByRole('heading', { level: 1, name: 'Cours : Design d’interfaces, printemps 2027' });
    const lesson = screen.getByRole('listitem', { name: 'Accueil' });
    // Midnight in Montréal (05:00 UTC), shown with the zone's name.
    expect(within(lesson).getByText(/Disponible depuis le 1 mars 2027.*00:00.*UTC−5/)).toBeInTheDocument();
    expect(within(lesson).getByText(/À rendre le 3 mars 2027.*23:59/)).toBeInTheDocument();
    const video = screen.getByRole('listitem', { name: 'Démonstration' });
    expect(within(video).getByText('À venir')).toBeInTheDocument();
    expect(within(video).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('overall-percent')).toHaveTextContent('0 %');
    expect(await screen.findByText('Vos activités terminées s’afficheront ici, jour après jour.')).toBeInTheDocument(); // the chart is a lazy chunk
    expect(screen.getByRole('link', { name: 'Guide RGAA' })).toHaveAttribute('rel', 'noopener noreferrer');

    await user.click(within(lesson).getByRole('button', { name: 'Lire Accueil' }));
    const reader = screen.getByRole('article', { name: 'Accueil' });
    expect(within(reader).getByTestId('lesson-content').querySelector('strong')).toHaveTextContent('à tous');
    await user.click(within(reader).getByRole('button', { name: 'Marquer comme terminé' }));

    expect(await within(screen.getByRole('article', { name: 'Accueil' })).findByTestId('completed-at')).toHaveTextContent(/Terminé le 2 mars 2027.*10:00/);
    expect(screen.getByTestId('overall-percent')).toHaveTextContent('50 %');
    expect(screen.getByRole('progressbar', { name: 'Semaine 1 : 50 % terminé' })).toBeInTheDocument();
    expect(await screen.findByTestId('completion-chart')).toHaveAccessibleName(/^1 activité terminée sur 2, du /);
    expect(screen.getByText('1 activité terminée sur 2')).toBeInTheDocument();
    expect(api.sent(`POST /api/v1/cohorts/${cohortId}/activities/a1/completion`)).toHaveLength(1);
  });

  it('says so when the course has no activities yet', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(learnerCohort),
      [`GET /api/v1/cohorts/${cohortId}/schedule`]: () => json({ ...schedule(null), activities: [], extraResources: [] }),
    });
    renderRoute(`/cohorts/${cohortId}/course`, pages);
    expect(await screen.findByText('Aucune activité pour l’instant')).toBeInTheDocument();
    expect(screen.getByText('Votre formateur peut vous proposer ici des ressources choisies pour vous.')).toBeInTheDocument();
  });
});

describe('Staff: progress matrix and pacing', () => {
  const lea = learnerMe.id;
  const theo = '0192f0c1-0000-7000-8000-00000000c002';
  const progress = {
    cohortId,
    activities: [
      { id: 'a1', sectionId, sectionTitle: 'Semaine 1', title: 'Accueil', kind: 'Lesson' },
      { id: 'a2', sectionId, sectionTitle: 'Semaine 1', title: 'Démonstration', kind: 'Video' },
    ],
    learners: [
      { userId: lea, displayName: 'Léa Bernard', withdrawn: false, completionPercent: 50, done: [0], doneAt: [1803999600], late: [1] }, // 2027-03-02T15:00:00Z
      { userId: theo, displayName: 'Théo Rousseau', withdrawn: true, completionPercent: 0, done: [], doneAt: [], late: [] },
    ],
  };

  it('shows learners × activities with percentages, and saves a learner’s pacing', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/progress`]: () => json(progress),
      [`GET /api/v1/courses/${courseId}/outline`]: () => json(outline([])),
      [`GET /api/v1/cohorts/${cohortId}/members/${lea}/pacing`]: () => json({ shifts: [{ activityId: null, days: 1 }], extraResources: [] }, 200, { ETag: '"p1"' }),
      [`PUT /api/v1/cohorts/${cohortId}/members/${lea}/pacing`]: () => noContent(),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/progress`, pages);

    const row = await screen.findByRole('row', { name: 'Léa Bernard' });
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('50 %');
    expect(within(row).getByText('Accueil : terminé')).toBeInTheDocument();
    expect(within(row).getByText('Démonstration : en retard, non terminé')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: 'Théo Rousseau' })).getByText('Parti')).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '1. Accueil' })).toBeInTheDocument();
    expect(await screen.findByRole('columnheader', { name: 'Semaine 1' })).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Rythme de Léa Bernard' }));
    const panel = screen.getByRole('region', { name: 'Rythme personnel de Léa Bernard' });
    const shiftAll = await within(panel).findByRole('spinbutton', { name: 'Décaler toutes les échéances (jours)' });
    await waitFor(() => expect(shiftAll).toHaveValue(1));

    await user.clear(shiftAll);
    await user.type(shiftAll, '3');
    await user.click(within(panel).getByRole('button', { name: 'Décaler une activité' }));
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Activité 1' }), 'a2');
    const days = within(panel).getByRole('spinbutton', { name: 'Jours (décalage 1)' });
    await user.clear(days);
    await user.type(days, '-2');
    await user.click(within(panel).getByRole('button', { name: 'Ajouter une ressource' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Titre de la ressource 1' }), 'Guide');
    await user.click(within(panel).getByRole('button', { name: 'Enregistrer le rythme' }));

    expect(await within(panel).findByText('Rythme de Léa Bernard enregistré.')).toBeInTheDocument();
    expect(await api.sent(`PUT /api/v1/cohorts/${cohortId}/members/${lea}/pacing`)[0]!.json()).toEqual({
      shifts: [
        { activityId: null, days: 3 },
        { activityId: 'a2', days: -2 },
      ],
      extraResources: [{ title: 'Guide', url: null, content: null }],
    });
    expect(api.sent(`PUT /api/v1/cohorts/${cohortId}/members/${lea}/pacing`)[0]!.headers.get('If-Match')).toBe('"p1"');
  });

  it('stays readable at 50 learners × 40 activities: sticky header and first columns, one row each', async () => {
    const activities = Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, sectionId, sectionTitle: 'Semaine 1', title: `Activité ${i + 1}`, kind: 'Lesson' }));
    const learners = Array.from({ length: 50 }, (_, i) => ({
      userId: `0192f0c1-0000-7000-8000-0000000e${String(i).padStart(4, '0')}`,
      displayName: `Apprenant ${i + 1}`,
      withdrawn: false,
      completionPercent: Math.round((i / 49) * 100),
      done: activities.slice(0, i % 40).map((_, column) => column),
      doneAt: activities.slice(0, i % 40).map(() => 1803999600),
      late: [],
    }));
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/progress`]: () => json({ cohortId, activities, learners }),
    });
    renderRoute(`/cohorts/${cohortId}/progress`, pages);

    const matrix = await screen.findByTestId('progress-matrix');
    // The section band, the activity header, 50 learners, the per-activity rate.
    expect(within(matrix).getAllByRole('row')).toHaveLength(1 + 1 + 50 + 1);
    const nameHeader = within(matrix).getByRole('columnheader', { name: 'Apprenant' });
    expect(nameHeader).toHaveStyle({ position: 'sticky', top: '0px', left: '0px' });
    expect(within(matrix).getByRole('columnheader', { name: 'Avancement' })).toHaveStyle({ position: 'sticky', left: '200px' });
    expect(within(matrix).getByRole('rowheader', { name: /Apprenant 50/ })).toHaveStyle({ position: 'sticky', left: '0px' });
    expect(within(matrix).getByRole('row', { name: 'Apprenant 50' })).toHaveTextContent('100 %');
    // One tab stop for the whole grid (a roving tabindex), not one per cell.
    expect(matrix.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    // 2,000 cells: jsdom and the role queries' accessible names take seconds on a loaded machine, whatever renders them.
  }, 15_000);
});

describe('Create a course', () => {
  it('creates a course in the trainer’s organisation and offers to open a cohort', async () => {
    const api = signedInApi(trainerMe, { 'POST /api/v1/courses': () => json(course, 201) });
    const { user } = renderRoute('/courses/new', pages);

    await user.click(await screen.findByRole('button', { name: 'Créer le cours' }));
    expect(await screen.findByText('Ce champ est obligatoire.')).toBeInTheDocument();
    expect(api.sent('POST /api/v1/courses')).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Titre du cours' }), 'Design d’interfaces');
    await user.click(screen.getByRole('button', { name: 'Ajouter une compétence' }));
    await user.type(screen.getByRole('textbox', { name: 'Code de la compétence 1' }), 'UX1');
    await user.type(screen.getByRole('textbox', { name: 'Intitulé de la compétence 1' }), 'Concevoir un formulaire');
    await user.click(screen.getByRole('button', { name: 'Créer le cours' }));

    expect(await screen.findByText('Le cours « Design d’interfaces » est prêt : ouvrez-en une cohorte.')).toBeInTheDocument();
    expect(await api.sent('POST /api/v1/courses')[0]!.json()).toEqual({
      organizationId: trainerMe.organizations[0]!.organizationId,
      title: 'Design d’interfaces',
      summary: null,
      language: 'fr',
      competencies: [{ code: 'UX1', title: 'Concevoir un formulaire' }],
    });
  });
});
