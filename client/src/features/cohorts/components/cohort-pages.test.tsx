import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Me } from '@/lib/auth/roles';
import { json, noContent, problem } from '@/testing/fake-api';
import { applicationFixture, cohortFixture, cohortId, learnerMe, orgAdminMe, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { CohortPage } from '@/features/cohorts/components/cohort-page';
import { LearnerHome } from '@/features/cohorts/components/learner-home';
import { MyApplicationsPage } from '@/features/cohorts/components/my-applications-page';
import { OpenCohortsPage } from '@/features/cohorts/components/open-cohorts-page';
import { PartnershipsPage } from '@/features/cohorts/components/partnerships-page';
import { TrainerHome } from '@/features/cohorts/components/trainer-home';
import { signedInApi } from '@/testing/session-api';

/** The pages under test, at their routes (see renderRoute). */
const pages = {
  '/cohorts/:cohortId': <CohortPage />,
  '/partnerships': <PartnershipsPage />,
  '/open-cohorts': <OpenCohortsPage />,
  '/applications': <MyApplicationsPage />,
  '/learner': <LearnerHome toDo={null} upcoming={null} />,
  '/trainer': <TrainerHome toGrade={null} toFollow={null} courses={null} />,
};

const lea = learnerMe.id;
const chloe = '0192f0c1-0000-7000-8000-00000000d001';

describe('Staff: the review queue', () => {
  it('shows seats in the header and the motivation and answers of each application', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ waitlistLength: 4 })),
      [`GET /api/v1/cohorts/${cohortId}/applications`]: () => json(paged([applicationFixture()])),
    });
    renderRoute(`/cohorts/${cohortId}`, pages);

    const review = await screen.findByRole('listitem', { name: 'Léa Bernard' });
    expect(screen.getByTestId('seats-taken')).toHaveTextContent('1 / 3');
    expect(screen.getByTestId('seats-left')).toHaveTextContent('2');
    expect(screen.getByTestId('waitlist-length')).toHaveTextContent('4');
    expect(within(review).getByText('Je veux concevoir des interfaces accessibles.')).toBeInTheDocument();
    expect(within(review).getByText('Disponibilités')).toBeInTheDocument();
    expect(within(review).getByText('Le mardi soir')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Candidatures' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('tab', { name: 'Invitations' })).not.toBeInTheDocument();
    expect(new URL(api.sent(`GET /api/v1/cohorts/${cohortId}/applications`)[0]!.url).searchParams.get('status')).toBe('Submitted');
  });

  it('offers the waitlist when the cohort is full, and waitlists with the note', async () => {
    const decisions: unknown[] = [];
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ seatsTaken: 3, seatsLeft: 0 })),
      [`GET /api/v1/cohorts/${cohortId}/applications`]: () => json(paged([applicationFixture()])),
      [`POST /api/v1/cohorts/${cohortId}/applications/${applicationFixture().id}/decision`]: async (request) => {
        const body = (await request.json()) as { decision: string };
        decisions.push(body);
        return body.decision === 'Admit'
          ? problem(409, 'cohort-full')
          : json({ applicationId: applicationFixture().id, status: 'Waitlisted', decisionNote: 'Bientôt', decidedAt: '2027-01-16T10:00:00Z' });
      },
    });
    const { user } = renderRoute(`/cohorts/${cohortId}`, pages);

    const review = await screen.findByRole('listitem', { name: 'Léa Bernard' });
    await user.type(within(review).getByRole('textbox', { name: 'Note pour Léa Bernard (facultative)' }), 'Bientôt');
    await user.click(within(review).getByRole('button', { name: 'Admettre' }));

    expect(await within(review).findByRole('alert')).toHaveTextContent('La cohorte est complète');
    await user.click(within(review).getByRole('button', { name: 'Mettre en liste d’attente' }));

    expect(await screen.findByText('Léa Bernard : En liste d’attente.')).toBeInTheDocument();
    expect(decisions).toEqual([
      { decision: 'Admit', note: 'Bientôt' },
      { decision: 'Waitlist', note: 'Bientôt' },
    ]);
  });

  it('says so when an application was decided by someone else meanwhile', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/applications`]: () => json(paged([applicationFixture()])),
      [`POST /api/v1/cohorts/${cohortId}/applications/${applicationFixture().id}/decision`]: () =>
        problem(409, 'application-already-decided'),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}`, pages);
    const review = await screen.findByRole('listitem', { name: 'Léa Bernard' });
    await user.click(within(review).getByRole('button', { name: 'Refuser' }));
    expect(await within(review).findByRole('alert')).toHaveTextContent('Cette candidature a déjà été traitée.');
  });
});

describe('Staff: members, invitations, enrolments, groups', () => {
  const members = [
    { userId: trainerMe.id, displayName: 'Benoît Lefèvre', email: trainerMe.email, role: 'Trainer', joinedAt: '2027-01-10T08:00:00Z' },
    { userId: chloe, displayName: 'Chloé Moreau', email: 'chloe.moreau@demo.spoc.local', role: 'Mentor', joinedAt: '2027-01-10T08:00:00Z' },
    { userId: lea, displayName: 'Léa Bernard', email: learnerMe.email, role: 'Learner', joinedAt: '2027-01-16T08:00:00Z', groupId: null, etag: '"lea-1"' },
  ];

  it('assigns a mentor from the roster and adds a mentor by email', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () => json(paged(members, 100)),
      [`PUT /api/v1/cohorts/${cohortId}/members/${lea}/mentor`]: () => noContent(),
      [`POST /api/v1/cohorts/${cohortId}/members`]: () =>
        json({ userId: '0192f0c1-0000-7000-8000-00000000d002', displayName: 'Sarah Johnson', role: 'Mentor' }, 201),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}?tab=members`, pages);

    const mentor = await screen.findByRole('combobox', { name: 'Mentor de Léa Bernard' });
    await user.selectOptions(mentor, chloe);
    await waitFor(() => expect(api.sent(`PUT /api/v1/cohorts/${cohortId}/members/${lea}/mentor`)).toHaveLength(1));
    expect(await api.sent(`PUT /api/v1/cohorts/${cohortId}/members/${lea}/mentor`)[0]!.json()).toEqual({ mentorId: chloe });
    expect(api.sent(`PUT /api/v1/cohorts/${cohortId}/members/${lea}/mentor`)[0]!.headers.get('If-Match')).toBe('"lea-1"');

    await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), 'sarah.johnson@demo.spoc.local');
    await user.click(screen.getByRole('button', { name: 'Ajouter' }));
    expect(await screen.findByText('Sarah Johnson ajouté(e) : Mentor.')).toBeInTheDocument();
    expect(await api.sent(`POST /api/v1/cohorts/${cohortId}/members`)[0]!.json()).toEqual({
      email: 'sarah.johnson@demo.spoc.local',
      role: 'Mentor',
    });
  });

  it('invites by email and shows the link to copy', async () => {
    signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ admissionMode: 'InviteOnly' })),
      [`GET /api/v1/cohorts/${cohortId}/invitations`]: () =>
        json(paged([{ id: 'i1', email: 'old@example.org', createdAt: '2027-01-01T08:00:00Z', expiresAt: '2027-01-15T08:00:00Z', acceptedAt: null, expired: true }])),
      [`POST /api/v1/cohorts/${cohortId}/invitations`]: () =>
        json({ id: 'i2', email: 'new@example.org', token: 'tok', acceptPath: '/invitations/tok', expiresAt: '2027-02-01T08:00:00Z' }, 201),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}`, pages);

    expect(await screen.findByRole('tab', { name: 'Invitations' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText('Expirée')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Adresse e-mail' }), 'new@example.org');
    await user.click(screen.getByRole('button', { name: 'Inviter' }));
    expect(await screen.findByRole('textbox', { name: 'Lien d’invitation' })).toHaveValue(`${window.location.origin}/invitations/tok`);
    expect(screen.getByRole('button', { name: 'Copier le lien' })).toBeInTheDocument();
  });

  it('enrols a list of emails and shows one outcome per email', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ admissionMode: 'OrganizationEnrollment' })),
      [`POST /api/v1/cohorts/${cohortId}/enrolments`]: () =>
        json({
          enrolled: 1,
          results: [
            { email: 'lea.bernard@demo.spoc.local', outcome: 'Enrolled', userId: lea },
            { email: 'inconnu@example.org', outcome: 'NotFound', userId: null },
          ],
        }),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}`, pages);

    const emails = await screen.findByRole('textbox', { name: 'Adresses e-mail' });
    await user.type(emails, 'lea.bernard@demo.spoc.local{enter}pas-une-adresse');
    await user.click(screen.getByRole('button', { name: 'Inscrire' }));
    expect(await screen.findByText('Adresses e-mail invalides : pas-une-adresse')).toBeInTheDocument();
    expect(api.sent(`POST /api/v1/cohorts/${cohortId}/enrolments`)).toHaveLength(0);

    await user.clear(emails);
    await user.type(emails, 'lea.bernard@demo.spoc.local, inconnu@example.org');
    await user.click(screen.getByRole('button', { name: 'Inscrire' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('row', { name: /inconnu@example.org Introuvable ou hors de votre organisation/ })).toBeInTheDocument();
    expect(screen.getByText('1 personne inscrite.')).toBeInTheDocument();
    expect(await api.sent(`POST /api/v1/cohorts/${cohortId}/enrolments`)[0]!.json()).toEqual({
      emails: ['lea.bernard@demo.spoc.local', 'inconnu@example.org'],
    });
  });

  it('shows the groups board and creates a group from unassigned learners', async () => {
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture()),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () => json(paged(members.filter((m) => m.role === 'Learner'), 100)),
      [`GET /api/v1/cohorts/${cohortId}/groups`]: () =>
        json([{ id: 'g1', name: 'Groupe 1', members: [{ userId: 'x', displayName: 'Maël Fournier' }] }]),
      [`POST /api/v1/cohorts/${cohortId}/groups`]: () =>
        json({ id: 'g2', name: 'Les pionniers', members: [{ userId: lea, displayName: 'Léa Bernard' }] }, 201),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}?tab=groups`, pages);

    const board = await screen.findByRole('list', { name: 'Groupes projet' });
    expect(within(board).getByText('Maël Fournier')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Nom du groupe' }), 'Les pionniers');
    await user.click(screen.getByRole('checkbox', { name: 'Léa Bernard' }));
    await user.click(screen.getByRole('button', { name: 'Créer le groupe' }));
    expect(await screen.findByText('Groupe « Les pionniers » créé.')).toBeInTheDocument();
    expect(await api.sent(`POST /api/v1/cohorts/${cohortId}/groups`)[0]!.json()).toEqual({ name: 'Les pionniers', memberIds: [lea] });
  });
});

describe('Staff: settings', () => {
  it('saves with If-Match, maps capacity-below-seats-taken to the field and offers a reload on 412', async () => {
    let version = 1;
    const responses = [
      () => problem(409, 'capacity-below-seats-taken'),
      () => problem(412, 'precondition-failed'),
      () => json(cohortFixture({ title: 'Printemps, groupe B' }), 200, { ETag: `"v${version}"` }),
    ];
    const api = signedInApi(trainerMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture(), 200, { ETag: `"v${version}"` }),
      [`PUT /api/v1/cohorts/${cohortId}`]: () => responses.shift()!(),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}?tab=settings`, pages);

    const capacity = await screen.findByRole('spinbutton', { name: 'Capacité' });
    expect(capacity).toHaveValue(3);
    expect(screen.getByLabelText(/^Clôture des candidatures/)).toHaveValue('2027-02-20T18:00');
    await user.clear(capacity);
    await user.type(capacity, '1');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('La capacité ne peut pas être inférieure au nombre de places déjà occupées.')).toBeInTheDocument();
    expect(capacity).toHaveAttribute('aria-invalid', 'true');
    expect(api.sent(`PUT /api/v1/cohorts/${cohortId}`)[0]!.headers.get('If-Match')).toBe('"v1"');

    await user.clear(capacity);
    await user.type(capacity, '5');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Cohorte modifiée entre-temps')).toBeInTheDocument();

    version = 2;
    await user.click(screen.getByRole('button', { name: 'Recharger la cohorte' }));
    await waitFor(() => expect(screen.getByRole('spinbutton', { name: 'Capacité' })).toHaveValue(3));
    const title = screen.getByRole('textbox', { name: 'Titre de la cohorte' });
    await user.clear(title);
    await user.type(title, 'Printemps, groupe B');
    await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Modifications enregistrées.')).toBeInTheDocument();
    const put = api.sent(`PUT /api/v1/cohorts/${cohortId}`)[2]!;
    expect(put.headers.get('If-Match')).toBe('"v2"');
    expect(await put.json()).toEqual({
      title: 'Printemps, groupe B',
      capacity: 3,
      startsOn: '2027-03-01',
      endsOn: '2027-04-30',
      applicationsOpenAt: '2027-01-10T08:00:00.000Z',
      applicationsCloseAt: '2027-02-20T17:00:00.000Z',
      timeZone: 'Europe/Paris',
    });
  });
});

describe('Mentor', () => {
  const mentorMe: Me = { ...trainerMe, id: chloe, email: 'chloe.moreau@demo.spoc.local', displayName: 'Chloé Moreau', organizations: [{ ...trainerMe.organizations[0]!, role: 'Mentor' }] };
  const roster = [
    { userId: trainerMe.id, displayName: 'Benoît Lefèvre', email: null, role: 'Trainer', joinedAt: '2027-01-10T08:00:00Z' },
    { userId: chloe, displayName: 'Chloé Moreau', email: null, role: 'Mentor', joinedAt: '2027-01-10T08:00:00Z' },
    { userId: lea, displayName: 'Léa Bernard', email: learnerMe.email, role: 'Learner', mentorId: chloe, mentorName: 'Chloé Moreau', joinedAt: '2027-01-16T08:00:00Z' },
    { userId: 'x', displayName: 'Maël Fournier', email: null, role: 'Learner', mentorId: null, joinedAt: '2027-01-16T08:00:00Z' },
  ];

  it('sees the roster and groups, acts on their own learners only, and gets none of the staff controls', async () => {
    signedInApi(mentorMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Mentor' })),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () => json(paged(roster, 100)),
      [`GET /api/v1/cohorts/${cohortId}/groups`]: () => json([]),
    });
    const { user } = renderRoute(`/cohorts/${cohortId}`, pages);

    expect(await screen.findByRole('tab', { name: 'Membres' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Membres', 'Groupes']);
    const lea = await screen.findByRole('row', { name: /Léa Bernard/ });
    expect(within(lea).getByRole('combobox', { name: 'Mentor de Léa Bernard' })).toBeInTheDocument();
    expect(within(lea).getByRole('link', { name: 'Rythme de Léa Bernard' })).toBeInTheDocument();
    const mael = screen.getByRole('row', { name: /Maël Fournier/ });
    expect(within(mael).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(mael).queryByRole('link')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retirer/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Ajouter un formateur ou un mentor' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'Groupes' }));
    expect(await screen.findByText('Aucun groupe projet')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Créer le groupe' })).not.toBeInTheDocument();
  });
});

describe('Partner organisation admin', () => {
  it('only enrols their people into a cohort owned by another organisation', async () => {
    const partner = orgAdminMe.organizations[0]!.organizationId;
    signedInApi(orgAdminMe, {
      [`GET /api/v1/cohorts/${cohortId}`]: () =>
        json(
          cohortFixture({
            organizationId: '0192f0c1-0000-7000-8000-0000000000ff',
            organizationIds: [partner],
            admissionMode: 'OrganizationEnrollment',
            myRole: undefined,
            capabilities: ['EnrolOwnPeople'],
          }),
        ),
    });
    renderRoute(`/cohorts/${cohortId}?tab=members`, pages);
    expect(await screen.findByRole('tab', { name: 'Inscriptions' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('tab')).toHaveLength(1);
    expect(screen.getByRole('textbox', { name: 'Adresses e-mail' })).toBeInTheDocument();
  });
});

describe('Partnerships', () => {
  it('lets an org admin accept a cohort that names their organisation as a partner', async () => {
    const mine = orgAdminMe.organizations[0]!.organizationId;
    let pending = [
      {
        cohortId,
        cohortTitle: 'Cohorte inter-entreprises',
        ownerOrganizationId: '0192f0c1-0000-7000-8000-0000000000ff',
        ownerOrganizationName: 'Atelier Nord',
        startsOn: '2027-03-01',
        endsOn: '2027-04-30',
        admissionMode: 'OrganizationEnrollment',
        status: 'Pending',
      },
    ];
    const api = signedInApi(orgAdminMe, {
      [`GET /api/v1/organizations/${mine}/partnerships`]: () => json(paged(pending, 100)),
      [`POST /api/v1/organizations/${mine}/partnerships/${cohortId}/accept`]: () => {
        pending = [];
        return json({ organizationId: mine, status: 'Accepted' });
      },
    });
    const { user } = renderRoute('/partnerships', pages);

    const row = await screen.findByRole('row', { name: /Cohorte inter-entreprises Atelier Nord/ });
    await user.click(within(row).getByRole('button', { name: 'Accepter le partenariat pour Cohorte inter-entreprises' }));

    expect(await screen.findByText('Aucune proposition de partenariat en attente.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Réponse enregistrée.');
    expect(api.sent(`POST /api/v1/organizations/${mine}/partnerships/${cohortId}/accept`)).toHaveLength(1);
    expect(new URL(api.sent(`GET /api/v1/organizations/${mine}/partnerships`)[0]!.url).searchParams.get('status')).toBe('Pending');
  });
});

describe('Learner pages', () => {
  it('lists the open cohorts with dates, the closing time in the cohort’s zone and the seats left', async () => {
    const api = signedInApi(learnerMe, {
      'GET /api/v1/cohorts': () => json(paged([cohortFixture({ myRole: undefined })])),
    });
    renderRoute('/open-cohorts', pages);

    const card = await screen.findByRole('listitem', { name: 'Design d’interfaces, printemps 2027' });
    expect(within(card).getByText('Du 1 mars 2027 au 30 avr. 2027')).toBeInTheDocument();
    expect(within(card).getByText(/Candidatures jusqu’au 20 févr\. 2027.*18:00/)).toBeInTheDocument();
    expect(within(card).getByText('2 places restantes')).toBeInTheDocument();
    expect(within(card).getByText('Sur candidature')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Candidater à Design d’interfaces, printemps 2027' })).toHaveAttribute(
      'href',
      `/cohorts/${cohortId}/apply`,
    );
    expect(new URL(api.sent('GET /api/v1/cohorts')[0]!.url).searchParams.get('openForApplication')).toBe('true');
  });

  it('shows each application’s status, note and waitlist position, and withdraws one', async () => {
    const api = signedInApi(learnerMe, {
      'GET /api/v1/me/applications': () =>
        json(
          paged([
            applicationFixture({ status: 'Admitted', decisionNote: 'Bienvenue !' }),
            applicationFixture({ id: 'a2', cohortId: 'c2', cohortTitle: 'Atelier d’écriture', status: 'Waitlisted', waitlistPosition: 2 }),
          ]),
        ),
      'POST /api/v1/cohorts/c2/applications/a2/withdraw': () => noContent(),
    });
    const { user } = renderRoute('/applications', pages);

    const admitted = await screen.findByRole('listitem', { name: 'Design d’interfaces, printemps 2027' });
    expect(within(admitted).getByTestId('application-status')).toHaveTextContent('Admise');
    expect(within(admitted).getByText('Bienvenue !')).toBeInTheDocument();
    const waitlisted = screen.getByRole('listitem', { name: 'Atelier d’écriture' });
    expect(within(waitlisted).getByText('Position en liste d’attente : 2')).toBeInTheDocument();

    await user.click(within(waitlisted).getByRole('button', { name: 'Retirer ma candidature' }));
    await user.click(within(waitlisted).getByRole('button', { name: 'Confirmer le retrait' }));
    expect(await within(waitlisted).findByText('Candidature retirée.')).toBeInTheDocument();
    expect(api.sent('POST /api/v1/cohorts/c2/applications/a2/withdraw')).toHaveLength(1);
  });

  it('lists my cohorts from /me on the learner home, and opens one with my mentor and my group', async () => {
    const me: Me = {
      ...learnerMe,
      cohorts: [
        {
          cohortId,
          title: 'Design d’interfaces, printemps 2027',
          organizationId: learnerMe.organizations[0]!.organizationId,
          role: 'Learner',
          startsOn: '2027-03-01',
          endsOn: '2027-04-30',
          timeZone: 'Europe/Paris',
        },
      ],
    };
    signedInApi(me, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Learner' })),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () =>
        json(
          paged([
            { userId: lea, displayName: 'Léa Bernard', role: 'Learner', mentorId: chloe, mentorName: 'Chloé Moreau', groupId: 'g1', groupName: 'Groupe 1', joinedAt: '2027-01-16T08:00:00Z' },
          ]),
        ),
      [`GET /api/v1/cohorts/${cohortId}/groups`]: () =>
        json([{ id: 'g1', name: 'Groupe 1', members: [{ userId: lea, displayName: 'Léa Bernard' }, { userId: 'x', displayName: 'Maël Fournier' }] }]),
    });
    const { user } = renderRoute('/learner', pages);

    await user.click(await screen.findByRole('link', { name: 'Design d’interfaces, printemps 2027' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Design d’interfaces, printemps 2027' })).toBeInTheDocument();
    expect(await screen.findByTestId('my-mentor')).toHaveTextContent('Chloé Moreau');
    expect(screen.getByRole('list', { name: 'Membres du groupe Groupe 1' })).toHaveTextContent('Maël Fournier');
    expect(screen.queryByRole('tab')).not.toBeInTheDocument();
  });

  it('lets a learner leave their cohort', async () => {
    const api = signedInApi({ ...learnerMe }, {
      [`GET /api/v1/cohorts/${cohortId}`]: () => json(cohortFixture({ myRole: 'Learner' })),
      [`GET /api/v1/cohorts/${cohortId}/members`]: () => json(paged([])),
      [`GET /api/v1/cohorts/${cohortId}/groups`]: () => json([]),
      [`DELETE /api/v1/cohorts/${cohortId}/members/${lea}`]: () => noContent(),
    });
    const { user, router } = renderRoute(`/cohorts/${cohortId}`, pages);

    await user.click(await screen.findByRole('button', { name: 'Quitter la cohorte' }));
    await user.click(screen.getByRole('button', { name: 'Confirmer : quitter la cohorte' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/learner'));
    expect(api.sent(`DELETE /api/v1/cohorts/${cohortId}/members/${lea}`)).toHaveLength(1);
  });
});

describe('Role homes from cohort roles', () => {

  it('lists the trainer’s cohorts with their seats on the trainer home', async () => {
    signedInApi(trainerMe, {
      'GET /api/v1/cohorts': () =>
        json(paged([cohortFixture(), cohortFixture({ id: 'other', title: 'Cohorte d’une autre équipe', myRole: undefined })])),
    });
    renderRoute('/trainer', pages);
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('link', { name: 'Design d’interfaces, printemps 2027' })).toHaveAttribute('href', `/cohorts/${cohortId}`);
    expect(within(table).getByRole('cell', { name: '1 / 3' })).toBeInTheDocument();
    expect(within(table).queryByText('Cohorte d’une autre équipe')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Créer une cohorte' })).toHaveAttribute('href', '/cohorts/new');
  });
});
