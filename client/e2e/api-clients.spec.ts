import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demo, expectHeading, signIn } from './support';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The system's side: OAuth's client-credentials grant with the id and secret the admin handed over. */
function clientToken(request: APIRequestContext, clientId: string, clientSecret: string) {
  return request.post('/api/v1/auth/token', { form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
}

test.describe('API clients', () => {
  test('the org admin registers a client, hands its secret over once, then revokes it', async ({ page, request }) => {
    const name = `SIRH ${Date.now().toString(36)}`;
    await signIn(page, demo.orgAdmin);
    await expectHeading(page, 'Mon organisation · Institut Lumière');
    await page.getByRole('navigation').getByRole('link', { name: 'Clients API' }).click();
    await expectHeading(page, 'Clients API de Institut Lumière');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('textbox', { name: 'Nom' }).fill(name);
    await page.getByRole('checkbox', { name: 'Lire les cohortes' }).check();
    await page.getByRole('checkbox', { name: 'Lire les notes' }).check();
    await page.getByRole('button', { name: 'Créer le client' }).click();

    const dialog = page.getByRole('dialog', { name: `Secret de ${name}` });
    await expect(dialog.getByText(/il ne sera plus jamais affiché/)).toBeVisible();
    const clientId = await dialog.getByRole('textbox', { name: 'Identifiant du client (client_id)' }).inputValue();
    const secret = await dialog.getByRole('textbox', { name: 'Secret (client_secret)' }).inputValue();
    expect(secret).toMatch(/^spoc_cs_/);
    expect(await seriousViolations(page)).toEqual([]);
    // The secret shown is the one that works.
    expect((await clientToken(request, clientId, secret)).status()).toBe(200);

    await dialog.getByRole('button', { name: 'J’ai enregistré le secret' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(`input[value="${secret}"]`)).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    const row = page.getByRole('row').filter({ hasText: name });
    await expect(row.getByText(`se termine par ${secret.slice(-4)}`)).toBeVisible();
    await expect(row.getByText('Lire les cohortes')).toBeVisible();
    await expect(row.getByText('Lire les notes')).toBeVisible();
    await expect(row.getByText('Actif', { exact: true })).toBeVisible();

    await row.getByRole('button', { name: `Révoquer ${name}` }).click();
    await page.getByRole('group', { name: `Révoquer ${name}` }).getByRole('button', { name: 'Confirmer' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${name} a été révoqué.` })).toBeVisible();
    await expect(row.getByText('Révoqué', { exact: true })).toBeVisible();
    expect((await clientToken(request, clientId, secret)).status()).toBe(401);
  });
});
