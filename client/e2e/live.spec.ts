import { expect, test } from '@playwright/test';
import { demo, signIn } from './support';

const isHub = (url: string) => new URL(url).pathname === '/hubs/notifications';

test('a signed-in page holds one live WebSocket to the hub, its token in the query string, and drops it on sign-out', async ({ page }) => {
  const opened = page.waitForEvent('websocket', (ws) => isHub(ws.url()));
  await signIn(page, demo.learner);
  const socket = await opened;

  // No negotiate request (any API instance can take the socket) and the token where a browser can put it.
  expect(new URL(socket.url()).searchParams.get('access_token')).toBeTruthy();
  // The hub's handshake answer (`{}` and the record separator): the token was accepted, the connection is up.
  await socket.waitForEvent('framereceived', (frame) => String(frame.payload).startsWith('{}'));

  const closed = socket.waitForEvent('close');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await closed;
});
