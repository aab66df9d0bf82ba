import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '@/testing/fake-api';
import { cohortId, learnerMe, paged, trainerMe } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { FollowUpAction, JournalNote, MyFollowUp, TimelineEntry } from '@/features/follow-up/api/journal';
import { LearnerFollowUpPage } from '@/features/follow-up/components/learner-follow-up-page';
import { MyFollowUpPage } from '@/features/follow-up/components/my-follow-up-page';

const learnerId = '0192f0c1-0000-7000-8000-00000000c001';
const journal = `/api/v1/cohorts/${cohortId}/members/${learnerId}`;
const pages = { '/cohorts/:cohortId/follow-up/learners/:learnerId': <LearnerFollowUpPage />, '/me/follow-up': <MyFollowUpPage /> };

const note: JournalNote = {
  id: '0192f0c1-0000-7000-8000-0000000f0001', learnerId, authorId: trainerMe.id, authorName: 'Chloé Moreau', body: 'Appel **difficile**',
  bodyHtml: '<p>Appel <strong>difficile</strong></p>', createdAt: '2027-03-02T09:00:00Z', mine: true,
};

const extension: FollowUpAction = {
  id: '0192f0c1-0000-7000-8000-0000000fa001', learnerId, kind: 'Extension', title: 'Une semaine de plus', details: null, dueOn: '2027-03-15',
  extensionDays: 7, resourceUrl: null, status: 'Open', authorId: trainerMe.id, authorName: 'Chloé Moreau', createdAt: '2027-03-02T10:00:00Z',
  doneBy: null, doneAt: null, version: '0192f0c1-0000-7000-8000-0000000fb001',
};

function staffApi(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  return signedInApi(trainerMe, {
    [`GET /api/v1/cohorts/${cohortId}/members`]: () =>
      json(paged([{ userId: learnerId, displayName: 'Léa Bernard', role: 'Learner', email: null, mentorId: null, groupId: null, joinedAt: '2027-02-01T00:00:00Z' }])),
    [`GET ${journal}/notes`]: () => json(paged([note])),
    [`GET ${journal}/actions`]: () => json(paged([extension])),
    ...extra,
  });
}

afterEach(() => vi.restoreAllMocks());

describe('A learner’s follow-up (staff)', () => {
  it('shows the learner, their private notes rendered, and writes a new one', async () => {
    const api = staffApi({ [`POST ${journal}/notes`]: () => json(note, 201) });
    renderRoute(`/cohorts/${cohortId}/follow-up/learners/${learnerId}`, pages);

    expect(await screen.findByRole('heading', { name: 'Suivi individualisé de Léa Bernard' })).toBeInTheDocument();
    const shown = await screen.findByTestId('journal-note');
    expect(within(shown).getByText('difficile').tagName).toBe('STRONG');
    expect(within(shown).getByText(/Chloé Moreau/)).toBeInTheDocument();

    await userEvent.type(screen.getByRole('textbox', { name: /Nouvelle note/ }), 'Rappeler jeudi');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la note' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST' && r.url.endsWith('/notes'))).toBe(true));
    const sent = api.requests.find((r) => r.method === 'POST' && r.url.endsWith('/notes'))!;
    expect(await sent.json()).toEqual({ body: 'Rappeler jeudi' });
  });

  it('grants an extension with its days and marks an action done with its version as If-Match', async () => {
    const api = staffApi({
      [`POST ${journal}/actions`]: () => json(extension, 201),
      [`PATCH ${journal}/actions/${extension.id}`]: () => json({ ...extension, status: 'Done' }),
    });
    renderRoute(`/cohorts/${cohortId}/follow-up/learners/${learnerId}`, pages);
    await userEvent.click(await screen.findByRole('tab', { name: 'Actions' }));

    const card = await screen.findByTestId('follow-up-action');
    expect(within(card).getByText(/Délai de 7 jours/)).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Marquer comme faite' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = api.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe(`"${extension.version.replaceAll('-', '')}"`);
    expect(await patch.json()).toEqual({ status: 'Done' });

    const form = screen.getByRole('form', { name: 'Prévoir une action' });
    await userEvent.selectOptions(within(form).getByRole('combobox', { name: 'Type' }), 'Extension');
    await userEvent.type(within(form).getByLabelText(/Intitulé/), 'Une semaine de plus');
    await userEvent.type(within(form).getByLabelText(/Échéance/), '2027-03-15');
    await userEvent.clear(within(form).getByRole('textbox', { name: /Jours de délai/ }));
    await userEvent.type(within(form).getByRole('textbox', { name: /Jours de délai/ }), '10');
    await userEvent.click(within(form).getByRole('button', { name: 'Enregistrer l’action' }));
    await waitFor(() => expect(api.requests.some((r) => r.method === 'POST' && r.url.endsWith('/actions'))).toBe(true));
    const created = await api.requests.find((r) => r.method === 'POST' && r.url.endsWith('/actions'))!.json();
    expect(created).toMatchObject({ kind: 'Extension', title: 'Une semaine de plus', dueOn: '2027-03-15', extensionDays: 10, resourceUrl: null });
  });

  it('merges notes, actions and facts in the timeline', async () => {
    const entries: TimelineEntry[] = [
      { type: 'Action', id: extension.id, at: extension.createdAt, action: extension },
      { type: 'Note', id: note.id, at: note.createdAt, note },
      { type: 'Fact', id: '0192f0c1-0000-7000-8000-0000000fe001', at: '2027-03-01T08:00:00Z',
        fact: { kind: 'GradeReleased', subjectId: '0192f0c1-0000-7000-8000-0000000fe002', actorId: trainerMe.id, actorName: 'Benoît Lefèvre', value: 75, detail: null } },
    ];
    staffApi({ [`GET ${journal}/timeline`]: () => json(paged(entries)) });
    renderRoute(`/cohorts/${cohortId}/follow-up/learners/${learnerId}`, pages);
    await userEvent.click(await screen.findByRole('tab', { name: 'Chronologie' }));

    const items = await screen.findAllByTestId('timeline-entry');
    expect(items.map((i) => within(i).getAllByText(/Action : |Note de |Note publiée/)[0]!.textContent)).toEqual(['Action : Une semaine de plus', 'Note de Chloé Moreau', 'Note publiée']);
    expect(within(items[2]!).getByText(/75 %/)).toBeInTheDocument();
  });
});

describe('Mon suivi', () => {
  it('shows my progress, skills, next steps and the actions planned for me', async () => {
    const mine: MyFollowUp = {
      cohorts: [{
        cohortId, title: 'Cohorte hiver',
        progress: { status: 'Behind', done: 2, expected: 5, total: 10, gap: -3 },
        skills: [{ code: 'C1', title: 'Planifier', mastery: 80, acquiredAt: '2027-03-01T10:00:00Z' }],
        nextActivities: [{ activityId: '0192f0c1-0000-7000-8000-0000000ac001', title: 'Construire un Gantt', kind: 'Lesson', releaseAt: '2027-02-01T00:00:00Z', dueAt: '2027-03-20T22:59:00Z' }],
        nextAssignments: [{ assignmentId: '0192f0c1-0000-7000-8000-0000000a5001', title: 'Note de cadrage', dueAt: '2027-03-22T22:59:00Z' }],
        actions: [{ id: extension.id, kind: 'Extension', title: 'Une semaine de plus', details: null, dueOn: '2027-03-15', status: 'Open', extensionDays: 7, resourceUrl: null, authorName: 'Chloé Moreau', createdAt: extension.createdAt }],
      }],
    };
    signedInApi(learnerMe, { 'GET /api/v1/me/follow-up': () => json(mine) });
    renderRoute('/me/follow-up', pages);

    expect(await screen.findByTestId('plan-status')).toHaveTextContent('En retard de 3 activité(s) sur votre plan');
    expect(screen.getByText(/Planifier/)).toBeInTheDocument();
    expect(screen.getByText('Construire un Gantt')).toBeInTheDocument();
    expect(screen.getByText('Note de cadrage')).toBeInTheDocument();
    const action = screen.getByTestId('my-action');
    expect(within(action).getByText(/Délai de 7 jours/)).toBeInTheDocument();
    expect(within(action).getByText(/Prévue par Chloé Moreau/)).toBeInTheDocument();
  });
});
