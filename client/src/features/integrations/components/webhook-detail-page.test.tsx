import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, noContent, problem } from '@/testing/fake-api';
import { orgAdminMe } from '@/testing/fixtures';
import { signedInApi } from '@/testing/session-api';
import { renderRoute } from '@/testing/render-app';
import { WebhookDetailPage } from './webhook-detail-page';

const orgId = orgAdminMe.organizations[0]!.organizationId;
const webhookId = '0192f0c1-0000-7000-8000-0000000eb001';
const hr = {
  id: webhookId,
  organizationId: orgId,
  url: 'https://rh.acme.fr/spoc/webhooks',
  description: 'SIRH Acme',
  eventTypes: ['grade.released'],
  state: 'Enabled',
  failingSince: null,
  disabledAt: null,
  secrets: [{ hint: 'aSw=', createdAt: '2027-01-20T08:00:00Z' }],
  createdAt: '2027-01-20T08:00:00Z',
  version: '0192f0c1-0000-7000-8000-0000000eb0f1',
};
const failed = {
  id: '0192f0c1-0000-7000-8000-0000000ed001',
  messageId: 'msg_2mXkQ1',
  eventType: 'grade.released',
  state: 'Failed',
  attempts: 8,
  lastStatusCode: 503,
  lastError: null,
  lastAttemptAt: '2027-01-21T09:00:00Z',
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: '2027-01-20T09:00:00Z',
};
const ping = {
  ...failed,
  id: '0192f0c1-0000-7000-8000-0000000ed002',
  messageId: 'msg_2mXkQ2',
  eventType: 'webhook.ping',
  state: 'Succeeded',
  attempts: 1,
  lastStatusCode: 200,
  deliveredAt: '2027-01-21T10:00:00Z',
};
const base = `/api/v1/webhooks/${webhookId}`;
const page = (items: unknown[]) => json({ items, page: 1, pageSize: 20, totalCount: items.length });

function render() {
  return renderRoute(`/organization/webhooks/${webhookId}`, { '/organization/webhooks/:webhookId': <WebhookDetailPage /> });
}

describe('WebhookDetailPage', () => {
  it('lists the deliveries, opens one on its attempts and body (as text), and resends it', async () => {
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => json(hr, 200, { ETag: '"v1"' }),
      [`GET ${base}/deliveries`]: () => page([ping, failed]),
      [`GET ${base}/deliveries/${failed.id}`]: () =>
        json({
          delivery: failed,
          payload: { type: 'grade.released', data: { note: '<b>18</b>' } },
          attemptLog: [{ at: '2027-01-21T09:00:00Z', statusCode: 503, durationMs: 120, error: null, responseExcerpt: 'Service Unavailable' }],
        }),
      [`POST ${base}/deliveries/${failed.id}/resend`]: () => new Response(null, { status: 202 }),
    });
    const { user } = render();

    const log = await screen.findByRole('table', { name: 'Journal des envois' });
    const rows = await within(log).findAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('webhook.ping')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Réussi')).toBeInTheDocument();
    expect(within(rows[1]!).getByRole('cell', { name: '200' })).toBeInTheDocument();
    expect(within(rows[2]!).getByText('grade.released')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('Échoué')).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('cell', { name: '503' })).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('cell', { name: '8' })).toBeInTheDocument();

    const details = within(rows[2]!).getByRole('button', { name: /^Détails de grade\.released/ });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await user.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText('Service Unavailable')).toBeInTheDocument();
    expect(screen.getByText(/"note": "<b>18<\/b>"/)).toBeInTheDocument();
    expect(document.querySelector('b')).toBeNull();

    await user.click(within(rows[2]!).getByRole('button', { name: /^Renvoyer grade\.released/ }));
    expect(await screen.findByText('Renvoi demandé : il part dans quelques secondes.')).toBeInTheDocument();
    expect(api.sent(`POST ${base}/deliveries/${failed.id}/resend`)).toHaveLength(1);
  });

  it('says why a resend is refused while the webhook is paused', async () => {
    signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => json({ ...hr, state: 'Paused' }, 200, { ETag: '"v1"' }),
      [`GET ${base}/deliveries`]: () => page([failed]),
      [`POST ${base}/deliveries/${failed.id}/resend`]: () => problem(409, 'webhook-disabled'),
    });
    const { user } = render();

    await user.click(await screen.findByRole('button', { name: /^Renvoyer grade\.released/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Ce webhook est en pause ou désactivé : activez-le, puis renvoyez.');
  });

  it('shows since when a disabled webhook failed, and enables it', async () => {
    let state = 'DisabledFailing';
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () =>
        json({ ...hr, state, failingSince: '2027-01-20T09:00:00Z', disabledAt: '2027-01-21T09:00:00Z' }, 200, { ETag: '"v1"' }),
      [`GET ${base}/deliveries`]: () => page([]),
      [`POST ${base}/enable`]: () => {
        state = 'Enabled';
        return noContent();
      },
    });
    const { user } = render();

    expect(await screen.findByText('Ce webhook est désactivé')).toBeInTheDocument();
    expect(screen.getByText(/Ses envois échouaient depuis le 20 janv\. 2027/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Activer' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Le webhook est actif');
    expect(api.sent(`POST ${base}/enable`)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByText('Ce webhook est désactivé')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Mettre en pause' })).toBeInTheDocument();
  });

  it('pauses on the version it read (If-Match)', async () => {
    const api = signedInApi(orgAdminMe, {
      [`GET ${base}`]: () => json(hr, 200, { ETag: '"v1"' }),
      [`GET ${base}/deliveries`]: () => page([]),
      [`PUT ${base}`]: () => json({ ...hr, state: 'Paused' }),
    });
    const { user } = render();

    await user.click(await screen.findByRole('button', { name: 'Mettre en pause' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Le webhook est en pause');
    const put = api.sent(`PUT ${base}`)[0]!;
    expect(put.headers.get('If-Match')).toBe('"v1"');
    expect(await put.json()).toEqual({ url: hr.url, eventTypes: ['grade.released'], description: 'SIRH Acme', paused: true });
  });
});
