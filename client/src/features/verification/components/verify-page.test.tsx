import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeApi, json } from '@/testing/fake-api';
import { renderApp } from '@/testing/render-app';

const revoked = {
  status: 'Revoked',
  holderName: 'Zoé Nguyễn',
  courseTitle: 'Management de projet',
  cohortTitle: 'Printemps 2027',
  organizationNames: ['Académie Spoc', 'Partenaire SA'],
  issuedOn: '2027-07-01',
  revokedOn: '2027-09-15',
  competencies: [{ code: 'C1', title: 'Planifier' }],
};
const unknown = { status: 'Unknown', holderName: null, courseTitle: null, cohortTitle: null, organizationNames: null, issuedOn: null, revokedOn: null, competencies: null };

describe('The public verification page', () => {
  it('shows a revoked certificate with its date and what it attested, without signing in', async () => {
    installFakeApi({ 'GET /api/v1/verify/K7QD2M9XPT4R': () => json(revoked) });
    renderApp('/verify/K7QD2M9XPT4R');

    expect(await screen.findByRole('heading', { level: 2, name: 'Certificat révoqué' })).toBeInTheDocument();
    expect(screen.getByText(/Révoqué le 15 sept\. 2027/)).toBeInTheDocument();
    expect(screen.getByText('Zoé Nguyễn')).toBeInTheDocument();
    expect(screen.getByText('Académie Spoc, Partenaire SA')).toBeInTheDocument();
    expect(screen.getByText('Planifier')).toBeInTheDocument();
  });

  it('reads a typed code as the print shows it and says when no certificate has it', async () => {
    const api = installFakeApi({ 'GET /api/v1/verify/K7QD2M9XPT41': () => json(unknown) });
    const { user, router } = renderApp('/verify');

    await user.type(await screen.findByLabelText(/Code du certificat/), 'k7qd-2m9x');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    expect(await screen.findByText(/Ce n’est pas un code de certificat/)).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);

    await user.type(screen.getByLabelText(/Code du certificat/), ' pt4l');
    await user.click(screen.getByRole('button', { name: 'Vérifier' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/verify/K7QD2M9XPT41'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Certificat inconnu' })).toBeInTheDocument();
    expect(screen.queryByText('Titulaire')).not.toBeInTheDocument();
  });
});
