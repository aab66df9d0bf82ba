import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '@/testing/fake-api';
import { learnerMe, paged } from '@/testing/fixtures';
import { renderRoute } from '@/testing/render-app';
import { signedInApi } from '@/testing/session-api';
import type { HeldCertificate } from '@/features/certificates/api/certificates';
import { MyCertificatesPage } from '@/features/certificates/components/my-certificates-page';

const pages = { '/me/certificates': <MyCertificatesPage /> };

function certificate(overrides: Partial<HeldCertificate> = {}): HeldCertificate {
  const id = overrides.id ?? '0192f0c1-0000-7000-8000-0000000ce001';
  return {
    id,
    verificationCode: '4F7Q2M9X0B8C6D1E3G5H7J9K2M',
    shortCode: 'ABCD-EFGH-JKMN',
    status: 'Valid',
    issuedOn: '2027-07-12',
    revokedOn: null,
    courseTitle: 'Management de projet',
    cohortTitle: 'Cohorte printemps 2027',
    organizationNames: ['Institut Lumière', 'Acme Formation'],
    verifyUrl: 'https://spoc.example/verify/4F7Q2M9X0B8C6D1E3G5H7J9K2M',
    pdfUrl: `/api/v1/certificates/${id}/pdf`,
    credentialUrl: `/api/v1/certificates/${id}/credential`,
    ...overrides,
  };
}

afterEach(() => vi.restoreAllMocks());

describe('Mes certificats', () => {
  it('shows each certificate with its organisations, date, code and status, a revoked one visibly', async () => {
    signedInApi(learnerMe, {
      'GET /api/v1/me/certificates': () =>
        json(
          paged([
            certificate(),
            certificate({ id: '0192f0c1-0000-7000-8000-0000000ce002', courseTitle: 'Gestion des risques', status: 'Revoked', revokedOn: '2027-09-03' }),
          ]),
        ),
    });
    renderRoute('/me/certificates', pages);

    const valid = await screen.findByRole('listitem', { name: 'Management de projet' });
    expect(within(valid).getByText('Institut Lumière · Acme Formation')).toBeInTheDocument();
    expect(within(valid).getByText('ABCD-EFGH-JKMN')).toBeInTheDocument();
    expect(within(valid).getByTestId('certificate-status')).toHaveTextContent('Valide');
    expect(within(valid).getByRole('link', { name: 'Ouvrir la page de vérification' })).toHaveAttribute('href', certificate().verifyUrl);
    const revoked = screen.getByRole('listitem', { name: 'Gestion des risques' });
    expect(within(revoked).getByTestId('certificate-status')).toHaveTextContent(/Révoqué le 3 sept\. 2027/);
    expect(within(revoked).getByText(/il n’atteste plus rien/)).toBeInTheDocument();
  });

  it('downloads the PDF and the credential with the bearer token, under the names the server gives', async () => {
    const api = signedInApi(learnerMe, {
      'GET /api/v1/me/certificates': () => json(paged([certificate()])),
      [`GET /api/v1/certificates/${certificate().id}/pdf`]: () =>
        new Response(new Blob(['%PDF-1.7']), { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename=certificat-management-de-projet-ABCD-EFGH-JKMN.pdf' } }),
      [`GET /api/v1/certificates/${certificate().id}/credential`]: () =>
        new Response('eyJhbGciOiJFUzI1NiJ9.e30.sig', { headers: { 'Content-Type': 'application/vc+jwt' } }),
    });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => 'blob:certificate');
    URL.revokeObjectURL = vi.fn();
    const { user } = renderRoute('/me/certificates', pages);

    await user.click(await screen.findByRole('button', { name: 'Télécharger le PDF' }));
    await user.click(screen.getByRole('button', { name: 'Télécharger le badge numérique' }));

    await waitFor(() => expect(saved).toEqual(['certificat-management-de-projet-ABCD-EFGH-JKMN.pdf', 'certificate-ABCD-EFGH-JKMN.jwt']));
    expect(api.sent(`GET /api/v1/certificates/${certificate().id}/pdf`)[0]!.headers.get('Authorization')).toMatch(/^Bearer /);
  });

  it('explains how a certificate is earned when there is none yet', async () => {
    signedInApi(learnerMe, { 'GET /api/v1/me/certificates': () => json(paged([])) });
    renderRoute('/me/certificates', pages);

    expect(await screen.findByRole('heading', { name: 'Pas encore de certificat' })).toBeInTheDocument();
    expect(screen.getByText(/quand vous remplissez ses conditions/)).toBeInTheDocument();
  });
});
