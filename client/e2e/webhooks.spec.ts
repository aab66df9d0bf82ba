import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, expectHeading, signIn } from './support';
import { startReceiver } from './webhook-receiver';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('Webhooks', () => {
  test('the org admin subscribes a receiver, hands its secret over once, and a signed test ping reaches it', async ({ page }) => {
    const receiver = await startReceiver();
    try {
      const name = `Récepteur ${Date.now().toString(36)}`;
      await signIn(page, demo.orgAdmin);
      await expectHeading(page, 'Mon organisation · Institut Lumière');
      await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click();
      await expectHeading(page, 'Webhooks de Institut Lumière');
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole('textbox', { name: 'Adresse (URL)' }).fill(receiver.url);
      await page.getByRole('textbox', { name: 'Description' }).fill(name);
      await page.getByRole('checkbox', { name: 'Inscription' }).check();
      await page.getByRole('checkbox', { name: 'Certificat délivré' }).check();
      await page.getByRole('button', { name: 'Créer le webhook' }).click();

      const dialog = page.getByRole('dialog', { name: `Secret de signature de ${name}` });
      await expect(dialog.getByText(/il ne sera plus jamais affiché/)).toBeVisible();
      const secret = await dialog.getByRole('textbox', { name: 'Secret de signature' }).inputValue();
      expect(secret).toMatch(/^whsec_/);
      receiver.trust(secret);
      expect(await seriousViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'J’ai enregistré le secret' }).click();
      await expect(dialog).toBeHidden();
      expect(await page.content()).not.toContain(secret);

      const row = page.getByRole('row').filter({ hasText: name });
      await expect(row.getByText('Inscription')).toBeVisible();
      await expect(row.getByText('Certificat délivré')).toBeVisible();
      await expect(row.getByText('Actif', { exact: true })).toBeVisible();
      await row.getByRole('link', { name }).click();
      await expectHeading(page, `Webhook ${name}`);
      await expect(page.getByText('Aucun envoi pour l’instant.')).toBeVisible();

      await page.getByRole('button', { name: 'Envoyer un test' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Test envoyé' })).toBeVisible();
      // The sender picks it up within seconds; the log reads itself again while it is on its way.
      const ping = page.getByRole('table', { name: 'Journal des envois' }).getByRole('row').filter({ hasText: 'webhook.ping' });
      await expect(ping.getByText('Réussi')).toBeVisible({ timeout: 20_000 });
      await expect(ping.getByRole('cell', { name: '200', exact: true })).toBeVisible();

      expect(receiver.received).toHaveLength(1);
      const [request] = receiver.received;
      expect(request?.verified).toBe(true);
      expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ type: 'webhook.ping' });

      await ping.getByRole('button', { name: /^Détails de webhook\.ping/ }).click();
      await expect(page.getByText('"type": "webhook.ping"')).toBeVisible();
      await expect(page.getByRole('cell', { name: 'ok', exact: true })).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);

      // Leaves the organisation as it found it (at most 10 webhooks, and other specs list them).
      await page.getByRole('button', { name: `Supprimer le webhook ${name}` }).click();
      await page.getByRole('group', { name: `Supprimer le webhook ${name}` }).getByRole('button', { name: 'Confirmer' }).click();
      await expectHeading(page, 'Webhooks de Institut Lumière');
      await expect(page.getByRole('link', { name })).toHaveCount(0);
    } finally {
      await receiver.stop();
    }
  });
});
