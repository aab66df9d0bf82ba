import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Spoc-Demo-2026';
export const demo = {
  trainer: 'benoit.lefevre@demo.spoc.local',
  learner: 'lea.bernard@demo.spoc.local',
  orgAdmin: 'helene.martin@demo.spoc.local',
  mentor: 'chloe.moreau@demo.spoc.local',
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Mot de passe', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function expectHeading(page: Page, name: string) {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}
