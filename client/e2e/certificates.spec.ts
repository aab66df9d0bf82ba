import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectHeading, signIn } from './support';

// The demo's certified learner (Certification's Seeding/DemoCertification.cs).
const holder = 'ines.mercier@demo.spoc.local';
const course = 'Conduite de projet agile';

test('a learner finds their certificate, downloads its PDF and copies the link that lets anyone check it', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await signIn(page, holder);
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes certificats' }).click();
  await expectHeading(page, 'Mes certificats');

  const card = page.getByRole('listitem', { name: course });
  await expect(card).toContainText('Cohorte hiver');
  await expect(card.getByTestId('certificate-status')).toHaveText('Valide');
  const code = (await card.getByTestId('certificate-code').textContent()) ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Télécharger le PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`certificat-conduite-de-projet-agile-${code}.pdf`);
  expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe('%PDF-');

  const verify = card.getByRole('link', { name: 'Ouvrir la page de vérification' });
  const verifyUrl = await verify.getAttribute('href');
  expect(verifyUrl).toMatch(/\/verify\/[0-9A-Z]{26}$/);
  await card.getByRole('button', { name: 'Copier le lien de partage' }).click();
  await expect(card.getByRole('button', { name: 'Lien copié' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(verifyUrl);
  await context.close();
});

test('a learner without a certificate is told how one is earned', async ({ page }) => {
  await signIn(page, 'olivia.smith@demo.spoc.local');
  await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mes certificats' }).click();
  await expectHeading(page, 'Mes certificats');
  await expect(page.getByRole('heading', { name: 'Pas encore de certificat' })).toBeVisible();
});
