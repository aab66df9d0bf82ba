import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, noContent, problem, type Handler } from '@/testing/fake-api';
import { cohortFixture, cohortId, learnerMe, paged, trainerMe } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { Cohort } from '@/features/cohorts/api/cohorts';
import { GroupsTab } from './groups-tab';

const lea = learnerMe.id;
const mael = '0192f0c1-0000-7000-8000-00000000e001';
const noe = '0192f0c1-0000-7000-8000-00000000e002';
const groupsUrl = `/api/v1/cohorts/${cohortId}/groups`;

const learner = (userId: string, displayName: string, groupId: string | null) => ({
  userId, displayName, email: null, role: 'Learner', joinedAt: '2027-01-16T08:00:00Z', groupId, etag: `"${userId}"`,
});

/** Léa has no group, Maël is in "Groupe 1", Noé in another group (not offered: one group at most). */
function groupsApi(routes: Record<string, Handler> = {}) {
  return signedInApi(trainerMe, {
    [`GET /api/v1/cohorts/${cohortId}/members`]: () =>
      json(paged([learner(lea, 'Léa Bernard', null), learner(mael, 'Maël Fournier', 'g1'), learner(noe, 'Noé Petit', 'g2')], 100)),
    [`GET ${groupsUrl}`]: () =>
      json([
        { id: 'g1', name: 'Groupe 1', members: [{ userId: mael, displayName: 'Maël Fournier' }], etag: '"g1-1"' },
        { id: 'g2', name: 'Groupe 2', members: [{ userId: noe, displayName: 'Noé Petit' }], etag: '"g2-1"' },
      ]),
    ...routes,
  });
}

/** The tab alone, with the app's providers (no router, no pages around it). */
function renderTab(cohort: Cohort = cohortFixture()) {
  return renderWithProviders(<GroupsTab cohort={cohort} />);
}

describe('Groups tab', () => {
  it('renames a group and sets its members, with its etag as If-Match', async () => {
    const api = groupsApi({ [`PUT ${groupsUrl}/g1`]: () => json({ id: 'g1', name: 'Les éclaireurs', members: [], etag: '"g1-2"' }) });
    const { user } = renderTab();

    await user.click(await screen.findByRole('button', { name: 'Modifier le groupe Groupe 1' }));
    const card = screen.getByRole('listitem', { name: 'Groupe 1' });
    expect(within(card).queryByRole('checkbox', { name: 'Noé Petit' })).not.toBeInTheDocument();
    expect(within(card).getByRole('checkbox', { name: 'Maël Fournier' })).toBeChecked();
    const name = within(card).getByRole('textbox', { name: 'Nom du groupe' });
    await user.clear(name);
    await user.type(name, 'Les éclaireurs');
    await user.click(within(card).getByRole('checkbox', { name: 'Léa Bernard' }));
    await user.click(within(card).getByRole('checkbox', { name: 'Maël Fournier' }));
    await user.click(within(card).getByRole('button', { name: 'Enregistrer le groupe' }));

    await waitFor(() => expect(api.sent(`PUT ${groupsUrl}/g1`)).toHaveLength(1));
    const sent = api.sent(`PUT ${groupsUrl}/g1`)[0]!;
    expect(await sent.json()).toEqual({ name: 'Les éclaireurs', memberIds: [lea] });
    expect(sent.headers.get('If-Match')).toBe('"g1-1"');
  });

  it('says the group changed meanwhile on a 412 and keeps the form open', async () => {
    groupsApi({ [`PUT ${groupsUrl}/g1`]: () => problem(412, 'precondition-failed') });
    const { user } = renderTab();

    await user.click(await screen.findByRole('button', { name: 'Modifier le groupe Groupe 1' }));
    const card = screen.getByRole('listitem', { name: 'Groupe 1' });
    await user.click(within(card).getByRole('button', { name: 'Enregistrer le groupe' }));

    expect(await within(card).findByRole('alert')).toHaveTextContent('Ces données ont été modifiées entre-temps');
    expect(within(card).getByRole('textbox', { name: 'Nom du groupe' })).toHaveValue('Groupe 1');
  });

  it('dissolves a group only after a confirmation', async () => {
    const api = groupsApi({ [`DELETE ${groupsUrl}/g2`]: () => noContent() });
    const { user } = renderTab();

    await user.click(await screen.findByRole('button', { name: 'Dissoudre le groupe Groupe 2' }));
    expect(api.sent(`DELETE ${groupsUrl}/g2`)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: /Confirmer/ }));

    await waitFor(() => expect(api.sent(`DELETE ${groupsUrl}/g2`)).toHaveLength(1));
    expect(api.sent(`DELETE ${groupsUrl}/g2`)[0]!.headers.get('If-Match')).toBe('"g2-1"');
  });

  it('offers no edit to whoever may not manage groups', async () => {
    groupsApi();
    renderTab(cohortFixture({ myRole: 'Learner' }));

    expect(await screen.findByRole('listitem', { name: 'Groupe 1' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Modifier|Dissoudre/ })).not.toBeInTheDocument();
  });
});
