import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@/testing/fake-api';
import {
  applicationFixture,
  capabilitiesOf,
  cohortFixture,
  cohortId,
  courseId,
  learnerMe,
  orgAdminMe,
  paged,
  trainerMe,
} from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { ApplyPage } from '@/features/cohorts/components/apply-page';
import { CohortPage } from '@/features/cohorts/components/cohort-page';
import { CreateCohortPage } from '@/features/cohorts/components/create-cohort-page';
import { InvitationPage } from '@/features/cohorts/components/invitation-page';
import { signedInApi } from '@/testing/session-api';

/** The pages under test, at their routes (see renderRoute). */
const pages = {
  '/cohorts/new': <CreateCohortPage />,
  '/cohorts/:cohortId': <CohortPage />,
  '/cohorts/:cohortId/apply': <ApplyPage />,
  '/invitations/:token': <InvitationPage />,
};

const course = {
  id: courseId,
  organizationId: trainerMe.organizations[0]!.organizationId,
  title: 'Design d’interfaces',
  summary: '',
  language: 'fr',
  competencies: [],
  createdAt: '2027-01-05T08:00:00Z',
};

describe('Create a cohort', () => {
  it('checks the rules before calling the API, then shows the server’s field errors next to their fields', async () => {
    const api = signedInApi(trainerMe, {
      'GET /api/v1/courses': () => json(paged([course])),
      'POST /api/v1/cohorts': () =>
        problem(400, 'validation-failed', { errors: { endsOn: ['The cohort must end after it starts.'] } }),
    });
    const { user } = renderRoute('/cohorts/new', pages);

    const select = await screen.findByRole('combobox', { name: 'Cours' });
    expect(screen.getByRole('combobox', { name: 'Fuseau horaire' })).toHaveValue('Europe/Paris');
    await user.selectOptions(select, courseId);
    await user.type(screen.getByRole('textbox', { name: 'Titre de la cohorte' }), 'Printemps 2027');
    const capacity = screen.getByRole('spinbutton', { name: 'Capacité' });
    await user.clear(capacity);
    await user.type(capacity, '0');
    await user.click(screen.getByRole('button', { name: 'Créer la cohorte' }));

    expect(await screen.findByText('La capacité doit être un nombre entier entre 1 et 200.')).toBeInTheDocument();
    expect(capacity).toHaveAttribute('aria-invalid', 'true');
    expect(api.sent('POST /api/v1/cohorts')).toHaveLength(0);

    await user.clear(capacity);
    await user.type(capacity, '3');
    await user.click(screen.getByRole('button', { name: 'Créer la cohorte' }));

    expect(await screen.findByText('The cohort must end after it starts.')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Fin/)).toHaveAttribute('aria-invalid', 'true');
    const body = (await api.sent('POST /api/v1/cohorts')[0]!.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ courseId, title: 'Printemps 2027', capacity: 3, admissionMode: 'Application', timeZone: 'Europe/Paris' });
    expect(String(body.applicationsOpenAt)).toMatch(/Z$/);
    expect(api.sent('POST /api/v1/cohorts')[0]!.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('lets an org admin name the cohort’s trainer among the organisation’s trainers', async () => {
    const api = signedInApi(orgAdminMe, {
      'GET /api/v1/courses': () => json(paged([course])),
      [`GET /api/v1/organizations/${course.organizationId}/members`]: () =>
        json(paged([{ userId: trainerMe.id, email: trainerMe.email, displayName: 'Benoît Lefèvre', role: 'Trainer', joinedAt: '2027-01-01T00:00:00Z' }])),
      'POST /api/v1/cohorts': () => json(cohortFixture({ myRole: undefined, capabilities: capabilitiesOf.Trainer }), 201),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: undefined, capabilities: capabilitiesOf.Trainer })),
      [`GET /api/v1/cohorts/${cohortId}/applications`]: () => json(paged([])),
    });
    const { user } = renderRoute('/cohorts/new', pages);

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Cours' }), courseId);
    await user.type(screen.getByRole('textbox', { name: 'Titre de la cohorte' }), 'Printemps 2027');
    const trainer = await screen.findByRole('combobox', { name: /^Formateur de la cohorte/ });
    expect(trainer).toHaveValue('');
    await user.selectOptions(trainer, await screen.findByRole('option', { name: 'Benoît Lefèvre' }));
    await user.click(screen.getByRole('button', { name: 'Créer la cohorte' }));

    await waitFor(() => expect(api.sent('POST /api/v1/cohorts')).toHaveLength(1));
    expect(await api.sent('POST /api/v1/cohorts')[0]!.json()).toMatchObject({ trainerId: trainerMe.id });
  });

  it('opens the new cohort once created', async () => {
    signedInApi(trainerMe, {
      'GET /api/v1/courses': () => json(paged([course])),
      'POST /api/v1/cohorts': () => json(cohortFixture({ seatsTaken: 0, seatsLeft: 3 }), 201),
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ seatsTaken: 0, seatsLeft: 3 })),
      [`GET /api/v1/cohorts/${cohortId}/applications`]: () => json(paged([])),
    });
    const { user, router } = renderRoute('/cohorts/new', pages);

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Cours' }), courseId);
    await user.type(screen.getByRole('textbox', { name: 'Titre de la cohorte' }), 'Printemps 2027');
    await user.click(screen.getByRole('button', { name: 'Créer la cohorte' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Design d’interfaces, printemps 2027' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/cohorts/${cohortId}`);
    expect(screen.getByTestId('seats-left')).toHaveTextContent('3');
  });

  it('sends a create lost on the network again with the same Idempotency-Key, so the API creates it once', async () => {
    let attempts = 0;
    const api = signedInApi(trainerMe, {
      'GET /api/v1/courses': () => json(paged([course])),
      'POST /api/v1/cohorts': () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch');
        return json(cohortFixture({ seatsTaken: 0, seatsLeft: 3 }), 201);
      },
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ seatsTaken: 0, seatsLeft: 3 })),
      [`GET /api/v1/cohorts/${cohortId}/applications`]: () => json(paged([])),
    });
    const { user, router } = renderRoute('/cohorts/new', pages);

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Cours' }), courseId);
    await user.type(screen.getByRole('textbox', { name: 'Titre de la cohorte' }), 'Printemps 2027');
    await user.click(screen.getByRole('button', { name: 'Créer la cohorte' }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/cohorts/${cohortId}`));
    const [first, retry] = api.sent('POST /api/v1/cohorts').map((request) => request.headers.get('Idempotency-Key'));
    expect(first).toBeTruthy();
    expect(retry).toBe(first);
  });

  it('asks for a course first when there is none', async () => {
    signedInApi(trainerMe, { 'GET /api/v1/courses': () => json(paged([])) });
    renderRoute('/cohorts/new', pages);
    expect(await screen.findByText('Une cohorte suit un cours : créez d’abord le cours.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Créer un cours' })).toHaveAttribute('href', '/courses/new');
  });
});

describe('Apply to a cohort', () => {
  const openCohort = cohortFixture({
    myRole: undefined,
    applicationsOpenAt: new Date(Date.now() - 3_600_000).toISOString(),
    applicationsCloseAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  });

  it('says so, instead of the form, when applications are closed or the learner is already in', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: undefined, applicationsCloseAt: '2020-01-01T00:00:00Z' })),
    });
    renderRoute(`/cohorts/${cohortId}/apply`, pages);
    expect(await screen.findByText('Les candidatures à cette cohorte ne sont pas ouvertes en ce moment.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Motivation' })).not.toBeInTheDocument();
  });

  it('sends the motivation and the answers, then confirms', async () => {
    const api = signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(openCohort),
      [`POST /api/v1/cohorts/${cohortId}/applications`]: () => json(applicationFixture(), 201),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/apply`, pages);

    await user.type(await screen.findByRole('textbox', { name: 'Motivation' }), 'Je veux concevoir des interfaces accessibles.');
    await user.click(screen.getByRole('button', { name: 'Ajouter une question' }));
    await user.type(screen.getByRole('textbox', { name: 'Question 1' }), 'Disponibilités');
    await user.type(screen.getByRole('textbox', { name: 'Réponse 1' }), 'Le mardi soir');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByText('Candidature envoyée')).toBeInTheDocument();
    expect(await api.sent(`POST /api/v1/cohorts/${cohortId}/applications`)[0]!.json()).toEqual({
      motivation: 'Je veux concevoir des interfaces accessibles.',
      answers: { Disponibilités: 'Le mardi soir' },
    });
  });

  it('says so in the user’s language when they already applied', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(openCohort),
      [`POST /api/v1/cohorts/${cohortId}/applications`]: () => problem(409, 'duplicate-application', { detail: 'You already have a live application' }),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/apply`, pages);

    await user.type(await screen.findByRole('textbox', { name: 'Motivation' }), 'Encore moi.');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Vous avez déjà une candidature en cours pour cette cohorte.');
  });

  it('puts the server’s error on the motivation field', async () => {
    signedInApi(learnerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(openCohort),
      [`POST /api/v1/cohorts/${cohortId}/applications`]: () =>
        problem(400, 'validation-failed', { errors: { motivation: ['La motivation est trop longue.'] } }),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}/apply`, pages);

    const motivation = await screen.findByRole('textbox', { name: 'Motivation' });
    await user.type(motivation, 'Motivée');
    await user.click(screen.getByRole('button', { name: 'Envoyer ma candidature' }));

    expect(await screen.findByText('La motivation est trop longue.')).toBeInTheDocument();
    expect(motivation).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert', { name: /erreur/ })).not.toBeInTheDocument();
  });
});

describe('Invitation link', () => {
  it('accepts the invitation and opens the cohort', async () => {
    const api = signedInApi(learnerMe, {
      'POST /api/v1/invitations/tok-123/accept': () => json({ cohortId, cohortTitle: 'Atelier sur invitation' }),
    });
    renderRoute('/invitations/tok-123', pages);
    expect(await screen.findByText('Vous faites maintenant partie de la cohorte « Atelier sur invitation ».')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Ouvrir la cohorte' })).toHaveAttribute('href', `/cohorts/${cohortId}`);
    expect(api.sent('POST /api/v1/invitations/tok-123/accept')).toHaveLength(1);
  });

  it('explains an expired invitation', async () => {
    signedInApi(learnerMe, { 'POST /api/v1/invitations/tok-old/accept': () => problem(409, 'invitation-expired') });
    renderRoute('/invitations/tok-old', pages);
    expect(await screen.findByRole('alert')).toHaveTextContent('Cette invitation a expiré.');
  });

  it('does not reveal someone else’s invitation', async () => {
    signedInApi(learnerMe, { 'POST /api/v1/invitations/tok-other/accept': () => problem(404, 'not-found') });
    renderRoute('/invitations/tok-other', pages);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/connectez-vous avec l’adresse e-mail invitée/)).toBeInTheDocument();
  });
});
