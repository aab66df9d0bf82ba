import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, noContent } from '@/testing/fake-api';
import { orgAdminMe } from '@/testing/fixtures';
import { signedInApi } from '@/testing/session-api';
import { renderRoute } from '@/testing/render-app';
import { OrganizationMembersPage } from './organization-members-page';

const orgId = orgAdminMe.organizations[0]!.organizationId;
const helene = { userId: orgAdminMe.id, email: orgAdminMe.email, displayName: 'Hélène Martin', role: 'OrgAdmin', joinedAt: '2027-01-15T08:00:00Z' };
const lea = { userId: '0192f0c1-0000-7000-8000-0000000000b2', email: 'lea.bernard@demo.spoc.local', displayName: 'Léa Bernard', role: 'Learner', joinedAt: '2027-01-16T08:00:00Z' };

function membersApi() {
  return signedInApi(orgAdminMe, {
    [`GET /api/v1/organizations/${orgId}/members`]: (request) =>
      new URL(request.url).searchParams.get('role') === 'OrgAdmin'
        ? json({ items: [helene], page: 1, pageSize: 1, totalCount: 1 })
        : json({ items: [helene, lea], page: 1, pageSize: 20, totalCount: 2 }),
    [`GET /api/v1/organizations/${orgId}`]: () => json({ id: orgId, name: 'Institut Lumière', slug: 'institut-lumiere', memberCount: 2 }, 200, { ETag: '"v1"' }),
    [`PUT /api/v1/organizations/${orgId}/members/${lea.userId}`]: () => json({ ...lea, role: 'Trainer' }),
    [`DELETE /api/v1/organizations/${orgId}/members/${lea.userId}`]: () => noContent(),
  });
}

afterEach(cleanup);

describe('OrganizationMembersPage', () => {
  it('locks the last admin and lets the admin change another member’s role', async () => {
    const api = membersApi();
    const { user } = renderRoute('/organization/members', { '/organization/members': <OrganizationMembersPage /> });

    const heleneRole = await screen.findByRole('combobox', { name: 'Rôle de Hélène Martin' });
    expect(heleneRole).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Retirer Hélène Martin de l’organisation' })).not.toBeInTheDocument();

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Rôle de Léa Bernard' })).toBeEnabled());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rôle de Léa Bernard' }), 'Trainer');
    expect(await screen.findByText('Le rôle de Léa Bernard est maintenant : Formateur.')).toBeInTheDocument();
    const put = api.sent(`PUT /api/v1/organizations/${orgId}/members/${lea.userId}`)[0]!;
    expect(await put.json()).toEqual({ role: 'Trainer' });
    expect(put.headers.get('If-Match')).toBe('"v1"');
  });

  it('asks before removing someone, and removes only once confirmed', async () => {
    const api = membersApi();
    const { user } = renderRoute('/organization/members', { '/organization/members': <OrganizationMembersPage /> });

    await user.click(await screen.findByRole('button', { name: 'Retirer Léa Bernard de l’organisation' }));
    expect(screen.getByText(/Retirer Léa Bernard \? La personne garde son compte/)).toBeInTheDocument();
    expect(api.sent(`DELETE /api/v1/organizations/${orgId}/members/${lea.userId}`)).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'Confirmer' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('Léa Bernard a été retiré de l’organisation.')).toBeInTheDocument();
    expect(api.sent(`DELETE /api/v1/organizations/${orgId}/members/${lea.userId}`)).toHaveLength(1);
    expect(api.sent(`DELETE /api/v1/organizations/${orgId}/members/${lea.userId}`)[0]!.headers.get('If-Match')).toBe('"v1"');
  });
});
