import { describe, expect, it, vi } from 'vitest';
import { createLiveConnection, type Hub } from './live-connection';

/** A hub that connects when told to, records invocations and can be made to push or reconnect. */
function fakeHub(startOutcomes: ('ok' | 'fail')[] = ['ok']) {
  const handlers = new Map<string, (...args: never[]) => void>();
  let reconnected: () => void = () => undefined;
  const hub = {
    state: 'Disconnected',
    invoked: [] as [string, ...unknown[]][],
    start: vi.fn(async () => {
      if ((startOutcomes.shift() ?? 'ok') === 'fail') throw new Error('down');
      hub.state = 'Connected';
    }),
    stop: vi.fn(async () => {
      hub.state = 'Disconnected';
    }),
    on: (event: string, handler: (...args: never[]) => void) => void handlers.set(event, handler),
    invoke: async (method: string, ...args: unknown[]) => void hub.invoked.push([method, ...args]),
    onreconnected: (callback: () => void) => void (reconnected = callback),
    push: (event: string, ...args: unknown[]) => handlers.get(event)?.(...(args as never[])),
    reconnect: () => reconnected(),
  };
  return hub satisfies Hub;
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the live connection', () => {
  it('hands each pushed event to its subscribers until they unsubscribe', async () => {
    const hub = fakeHub();
    const live = createLiveConnection(async () => hub);
    const seen: unknown[] = [];
    const off = live.on('postPublished', (post) => seen.push(post));
    live.start();
    await settled();

    hub.push('postPublished', { threadId: 't', postId: 'p' });
    off();
    hub.push('postPublished', { threadId: 't', postId: 'q' });

    expect(seen).toEqual([{ threadId: 't', postId: 'p' }]);
  });

  it('joins a thread once however many views show it, leaves it with the last, and joins again after a reconnect', async () => {
    const hub = fakeHub();
    const onReconnected = vi.fn();
    const live = createLiveConnection(async () => hub, onReconnected);
    const leaveEarly = live.joinThread('t1'); // before the connection is up: joined once it is
    live.start();
    await settled();
    const leaveLate = live.joinThread('t1');
    await settled();
    expect(hub.invoked).toEqual([['JoinThread', 't1']]);

    hub.reconnect();
    await settled();
    expect(hub.invoked).toEqual([['JoinThread', 't1'], ['JoinThread', 't1']]);
    expect(onReconnected).toHaveBeenCalledOnce();

    leaveEarly();
    leaveLate();
    await settled();
    expect(hub.invoked.at(-1)).toEqual(['LeaveThread', 't1']);
  });

  it('retries a first start that failed, catches up once it is up, and stops the hub when the session ends', async () => {
    vi.useFakeTimers();
    try {
      const hub = fakeHub(['fail', 'ok']);
      const onReconnected = vi.fn();
      const live = createLiveConnection(async () => hub, onReconnected);
      live.start();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(hub.start).toHaveBeenCalledTimes(2);
      expect(hub.state).toBe('Connected');
      // Pushes sent while it was down are lost: the app refetches what is on screen.
      expect(onReconnected).toHaveBeenCalledOnce();

      live.stop();
      await vi.runAllTimersAsync();
      expect(hub.stop).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
