import { expect, type Page } from '@playwright/test';

export const isHub = (url: string) => new URL(url).pathname === '/hubs/notifications';

/** Marks the page's window: the mark survives live updates and is lost with any reload or full navigation. */
export const markWindow = (page: Page) => page.evaluate(() => Object.assign(window, { spocNoReload: true }));
export const expectNoReload = async (page: Page) => expect(await page.evaluate(() => 'spocNoReload' in window)).toBe(true);

/** Opens `path` and waits until the bell has its count and the hub has accepted the page's JoinThread (a completion, type 3). */
export async function openThreadLive(page: Page, path: string) {
  const joined = page
    .waitForEvent('websocket', (ws) => isHub(ws.url()))
    .then((ws) => ws.waitForEvent('framereceived', (frame) => String(frame.payload).includes('"type":3')));
  const counted = page.waitForResponse((response) => response.url().includes('/me/notifications/unread-count'));
  await page.goto(path);
  await Promise.all([joined, counted]);
}
