import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, noContent, problem } from '@/testing/fake-api';
import { orgAdminMe } from '@/testing/fixtures';
import { signedInApi } from '@/testing/session-api';
import { renderRoute } from '@/testing/render-app';
import { ApiClientsPage } from './api-clients-page';

const orgId = orgAdminMe.organizations[0]!.organizationId;
const clientId = '0192f0c1-0000-7000-8000-0000000ac001';
const secret = 'spoc_cs_Xq3vT9wLr2NcK8pYh5JmB7dFs1GzA4eU6iO0';
const acme = {
  id: clientId,
  organizationId: orgId,
  name: 'SIRH Acme',
  scopes: ['cohorts:read', 'grades:read'],
  secrets: [{ hint: 'eU6i', createdAt: '2027-01-20T08:00:00Z' }],
  createdAt: '2027-01-20T08:00:00Z',
  lastUsedAt: null,
  revokedAt: null,
  version: '0192f0c1-0000-7000-8000-0000000ac0f1',
};
const page = (items: unknown[]) => json({ items, page: 1, pageSize: 20, totalCount: items.length });
const base = `/api/v1/organizations/${orgId}/api-clients`;

function render() {
  return renderRoute('/organization/api-clients', { '/organization/api-clients': <ApiClientsPage /> });
}

afterEach(cleanup);

describe('ApiClientsPage', () => {
  it('creates a client with the checked scopes, shows its secret once, then forgets it', async () => {
    let clients: unknown[] = [];
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => page(clients),
      [`POST ${base}`]: () => {
        clients = [acme];
        return json({ clientId, clientSecret: secret, client: acme }, 201);
      },
    });
    const { user, queryClient } = render();

    expect(await screen.findByText('Aucun client API pour l’instant. Les systèmes que vous enregistrez apparaîtront ici.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Nom/ }), 'SIRH Acme');
    await user.click(screen.getByRole('checkbox', { name: 'Lire les cohortes' }));
    await user.click(screen.getByRole('checkbox', { name: 'Lire les notes' }));
    await user.click(screen.getByRole('button', { name: 'Créer le client' }));

    const dialog = await screen.findByRole('dialog', { name: 'Secret de SIRH Acme' });
    expect(dialog).toHaveFocus();
    expect(await api.sent(`POST ${base}`)[0]!.json()).toEqual({ name: 'SIRH Acme', scopes: ['cohorts:read', 'grades:read'] });
    expect(within(dialog).getByRole('textbox', { name: 'Secret (client_secret)' })).toHaveValue(secret);
    expect(within(dialog).getByRole('textbox', { name: 'Identifiant du client (client_id)' })).toHaveValue(clientId);
    expect(within(dialog).getByText(/il ne sera plus jamais affiché/)).toBeInTheDocument();
    // Meanwhile the list shows the new client by its secret's last characters.
    expect(await screen.findByText('se termine par eU6i')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'J’ai enregistré le secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.queryByDisplayValue(secret)).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(secret);
    const cached = () =>
      JSON.stringify([...queryClient.getQueryCache().getAll(), ...queryClient.getMutationCache().getAll()].map((entry) => entry.state));
    await waitFor(() => expect(cached()).not.toContain(secret));
    expect(cached()).toContain('eU6i');
  });

  it('rotates a secret with the chosen overlap and shows the new one', async () => {
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => page([acme]),
      [`POST ${base}/${clientId}/rotate`]: () => json({ clientId, clientSecret: secret, client: acme }),
    });
    const { user } = render();

    await user.click(await screen.findByRole('button', { name: 'Renouveler le secret de SIRH Acme' }));
    const form = screen.getByRole('form', { name: 'Renouveler le secret de SIRH Acme' });
    expect(within(form).getByRole('combobox', { name: /L’ancien secret cesse de fonctionner/ })).toHaveFocus();
    await user.selectOptions(within(form).getByRole('combobox', { name: /L’ancien secret cesse de fonctionner/ }), 'Immédiatement');
    await user.click(within(form).getByRole('button', { name: 'Renouveler' }));

    const dialog = await screen.findByRole('dialog', { name: 'Secret de SIRH Acme' });
    expect(within(dialog).getByRole('textbox', { name: 'Secret (client_secret)' })).toHaveValue(secret);
    expect(await api.sent(`POST ${base}/${clientId}/rotate`)[0]!.json()).toEqual({ overlapHours: 0 });
  });

  it('asks before revoking, and revokes only once confirmed', async () => {
    let revoked = false;
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => page([revoked ? { ...acme, revokedAt: '2027-01-21T08:00:00Z' } : acme]),
      [`POST ${base}/${clientId}/revoke`]: () => {
        revoked = true;
        return noContent();
      },
    });
    const { user } = render();

    await user.click(await screen.findByRole('button', { name: 'Révoquer SIRH Acme' }));
    expect(screen.getByText(/Révoquer SIRH Acme \? Il n’obtiendra plus de jeton/)).toBeInTheDocument();
    expect(api.sent(`POST ${base}/${clientId}/revoke`)).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('SIRH Acme a été révoqué.')).toBeInTheDocument();
    expect(api.sent(`POST ${base}/${clientId}/revoke`)).toHaveLength(1);
    expect(await screen.findByText('Révoqué')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Renouveler le secret de SIRH Acme' })).not.toBeInTheDocument();
  });

  it('shows the API’s field errors next to their fields', async () => {
    signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => page([]),
      [`POST ${base}`]: () =>
        problem(400, 'validation-failed', { errors: { Name: ['Ce nom est trop long.'], 'scopes[1]': ['Droit inconnu.'] } }),
    });
    const { user } = render();

    await user.type(await screen.findByRole('textbox', { name: /^Nom/ }), 'SIRH Acme');
    await user.click(screen.getByRole('checkbox', { name: 'Lire les membres' }));
    await user.click(screen.getByRole('checkbox', { name: 'Lire la progression' }));
    await user.click(screen.getByRole('button', { name: 'Créer le client' }));

    expect(await screen.findByText('Droit inconnu.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Nom/ })).toHaveAccessibleDescription(/Ce nom est trop long\./);
    expect(screen.getByRole('textbox', { name: /^Nom/ })).toHaveFocus();
    // Next to their fields, not in an alert above them.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('changes a client’s scopes on the version it read (If-Match)', async () => {
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => page([acme]),
      [`GET ${base}/${clientId}`]: () => json(acme, 200, { ETag: '"v1"' }),
      [`PUT ${base}/${clientId}`]: () => json({ ...acme, scopes: ['cohorts:read'] }),
    });
    const { user } = render();

    await user.click(await screen.findByRole('button', { name: 'Modifier SIRH Acme' }));
    const form = await screen.findByRole('region', { name: 'Modifier SIRH Acme' });
    expect(within(form).getByRole('checkbox', { name: 'Lire les notes' })).toBeChecked();
    await user.click(within(form).getByRole('checkbox', { name: 'Lire les notes' }));
    await user.click(within(form).getByRole('button', { name: 'Enregistrer' }));

    expect(await screen.findByText('Les changements de SIRH Acme sont enregistrés.')).toBeInTheDocument();
    const put = api.sent(`PUT ${base}/${clientId}`)[0]!;
    expect(await put.json()).toEqual({ name: 'SIRH Acme', scopes: ['cohorts:read'] });
    expect(put.headers.get('If-Match')).toBe('"v1"');
  });
});
