import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiToken, createStartedCohortViaApi, demo, expectHeading, signIn } from './support';

// Runs last (alphabetical order, one worker): enrolling the demo learner in one more cohort cannot disturb another spec.

test.describe('Public verification of a certificate', () => {
  test('a stranger types a code: a wrong one is refused, an unknown one says so, without signing in', async ({ page }) => {
    await page.goto('/verify');
    await expectHeading(page, 'Vérifier un certificat');

    const field = page.getByRole('textbox', { name: 'Code du certificat' });
    await field.fill('abc');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect(page.getByText('Ce n’est pas un code de certificat')).toBeVisible();
    await expect(page).toHaveURL(/\/verify$/);

    // Typed as on paper: lower case, hyphens, an O for a 0 and an l for a 1.
    await field.fill('zzzz-o0ll-zzzz');
    await page.getByRole('button', { name: 'Vérifier' }).click();
    await expect(page).toHaveURL(/\/verify\/ZZZZ0011ZZZZ$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Certificat inconnu' })).toBeVisible();
    await expect(page.getByText('Titulaire')).toHaveCount(0);

    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  test('a signed-in person opens the page too, in English when they chose it', async ({ page }) => {
    await signIn(page, demo.trainer);
    await expectHeading(page, 'Espace formateur');
    await page.goto('/verify/ZZZZ0011ZZZZ');
    await expect(page.getByRole('heading', { level: 2, name: 'Certificat inconnu' })).toBeVisible();
    await page.getByLabel('Langue').selectOption('en');
    await expect(page.getByRole('heading', { level: 2, name: 'Unknown certificate' })).toBeVisible();
  });

  test('the QR code page says Valid, then Revoked with the date once the trainer revokes it', async ({ page, request }) => {
    const learner = await apiToken(request, demo.learner);
    const { id: userId } = (await (await request.get('/api/v1/me', { headers: learner })).json()) as { id: string };
    const { cohort, headers } = await createStartedCohortViaApi(request, { title: 'Cohorte certifiée', learnerEmail: demo.learner });

    // Issuance and revocation are the certification rules' routes (API.md, Certification).
    const issued = await request.post(`/api/v1/cohorts/${cohort.id}/certificates`, { headers, data: { userId } });
    expect(issued.status(), await issued.text()).toBe(201);
    const certificate = (await issued.json()) as { id: string; verificationCode: string };

    await page.goto(`/verify/${certificate.verificationCode}`);
    await expect(page.getByRole('heading', { level: 2, name: 'Certificat valide' })).toBeVisible();
    await expect(page.getByText(`Cours Cohorte certifiée`)).toBeVisible();
    await expect(page.getByText('Cohorte certifiée', { exact: true })).toBeVisible();

    const revoked = await request.post(`/api/v1/certificates/${certificate.id}/revoke`, { headers, data: { reason: 'Erreur de saisie' } });
    expect(revoked.ok(), await revoked.text()).toBe(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 2, name: 'Certificat révoqué' })).toBeVisible();
    await expect(page.getByText(/Révoqué le /)).toBeVisible();
    await expect(page.getByText('Erreur de saisie')).toHaveCount(0);
  });
});
