import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem } from '@/testing/fake-api';
import { orgAdminMe } from '@/testing/fixtures';
import { signedInApi } from '@/testing/session-api';
import { renderRoute } from '@/testing/render-app';
import { WebhooksPage } from './webhooks-page';

const orgId = orgAdminMe.organizations[0]!.organizationId;
const webhookId = '0192f0c1-0000-7000-8000-0000000eb001';
const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const hr = {
  id: webhookId,
  organizationId: orgId,
  url: 'https://rh.acme.fr/spoc/webhooks',
  description: 'SIRH Acme',
  eventTypes: ['enrolment.created', 'certificate.issued'],
  state: 'Enabled',
  failingSince: null,
  disabledAt: null,
  secrets: [{ hint: 'aSw=', createdAt: '2027-01-20T08:00:00Z' }],
  createdAt: '2027-01-20T08:00:00Z',
  version: '0192f0c1-0000-7000-8000-0000000eb0f1',
};
const page = (items: unknown[]) => json({ items, page: 1, pageSize: 20, totalCount: items.length });
const base = `/api/v1/organizations/${orgId}/webhooks`;

function render() {
  return renderRoute('/organization/webhooks', { '/organization/webhooks': <WebhooksPage /> });
}

describe('WebhooksPage', () => {
  it('creates a webhook for the checked event types, shows its secret once, then forgets it', async () => {
    let webhooks: unknown[] = [];
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => page(webhooks),
      [`POST ${base}`]: () => {
        webhooks = [hr];
        return json({ webhookId, secret, webhook: hr }, 201);
      },
    });
    const { user, queryClient } = render();

    expect(await screen.findByText('Aucun webhook pour l’instant. Ceux que vous créez apparaîtront ici.')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: /^Adresse \(URL\)/ }), hr.url);
    await user.type(screen.getByRole('textbox', { name: /^Description/ }), 'SIRH Acme');
    // Each event type says what sends it.
    expect(screen.getByRole('checkbox', { name: 'Inscription' })).toHaveAccessibleDescription(/Un apprenant a pris une place dans une cohorte/);
    await user.click(screen.getByRole('checkbox', { name: 'Inscription' }));
    await user.click(screen.getByRole('checkbox', { name: 'Certificat délivré' }));
    await user.click(screen.getByRole('button', { name: 'Créer le webhook' }));

    const dialog = await screen.findByRole('dialog', { name: 'Secret de signature de SIRH Acme' });
    expect(dialog).toHaveFocus();
    expect(await api.sent(`POST ${base}`)[0]!.json()).toEqual({
      url: hr.url,
      description: 'SIRH Acme',
      eventTypes: ['enrolment.created', 'certificate.issued'],
    });
    expect(within(dialog).getByRole('textbox', { name: 'Secret de signature' })).toHaveValue(secret);
    expect(within(dialog).getByText(/il ne sera plus jamais affiché/)).toBeInTheDocument();
    // Meanwhile the list shows the new webhook, its events and its state.
    const row = (await screen.findByRole('link', { name: 'SIRH Acme' })).closest('tr')!;
    expect(within(row).getByText('Certificat délivré')).toBeInTheDocument();
    expect(within(row).getByText('Actif')).toBeInTheDocument();
    expect(within(row).getByText('aucun pour l’instant')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'J’ai enregistré le secret' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(document.body.innerHTML).not.toContain(secret);
    const cached = () =>
      JSON.stringify([...queryClient.getQueryCache().getAll(), ...queryClient.getMutationCache().getAll()].map((entry) => entry.state));
    await waitFor(() => expect(cached()).not.toContain(secret));
    expect(cached()).toContain(hr.url);
  });

  it('shows why the server refuses the URL on the URL field', async () => {
    const why = 'The address 10.0.0.5 is private: a webhook only goes to a public address.';
    signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => page([]),
      [`POST ${base}`]: () => problem(400, 'webhook-url-forbidden', { errors: { Url: [why] } }),
    });
    const { user } = render();

    await user.type(await screen.findByRole('textbox', { name: /^Adresse \(URL\)/ }), 'https://10.0.0.5/hook');
    await user.click(screen.getByRole('checkbox', { name: 'Note publiée' }));
    await user.click(screen.getByRole('button', { name: 'Créer le webhook' }));

    const url = screen.getByRole('textbox', { name: /^Adresse \(URL\)/ });
    await waitFor(() => expect(url).toHaveAccessibleDescription(new RegExp(why.replace(/[.:]/g, '\\$&'))));
    expect(url).toHaveFocus();
    expect(url).toHaveAttribute('aria-invalid', 'true');
    // On the field, not in an alert above the form.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('asks for an event type before calling the API', async () => {
    const api = signedInApi(orgAdminMe, { [`GET ${base}`]: () => page([]) });
    const { user } = render();

    await user.type(await screen.findByRole('textbox', { name: /^Adresse \(URL\)/ }), hr.url);
    await user.click(screen.getByRole('button', { name: 'Créer le webhook' }));

    expect(await screen.findByText('Choisissez au moins un événement.')).toBeInTheDocument();
    expect(api.sent(`POST ${base}`)).toHaveLength(0);
  });
});
