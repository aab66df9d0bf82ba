/** What the hub (/hubs/notifications) sends, by client method: ids only, the page refetches through the API (ADR 0026). */
export interface LiveEvents {
  /** The signed-in person's notification feed changed: refetch the count and the panel. */
  notificationsChanged: [];
  /** A post was published in a thread this session joined: refetch the thread. */
  postPublished: [{ threadId: string; postId: string }];
  /** A learner's follow-up level changed in this cohort (sent to its staff and mentors): refetch its dashboard. */
  followUpChanged: [{ cohortId: string }];
}

export type LiveEvent = keyof LiveEvents;

const LIVE_EVENTS: LiveEvent[] = ['notificationsChanged', 'postPublished', 'followUpChanged'];

/** The little of a SignalR HubConnection the app uses (tests hand in a fake). */
export interface Hub {
  readonly state: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  on(event: string, handler: (...args: never[]) => void): void;
  invoke(method: string, ...args: unknown[]): Promise<unknown>;
  onreconnected(callback: () => void): void;
}

/** The session's live connection: subscribers and joined threads outlive the hub it (re)opens. */
export interface LiveConnection {
  start(): void;
  stop(): void;
  on<K extends LiveEvent>(event: K, handler: (...args: LiveEvents[K]) => void): () => void;
  /** Receive this thread's new posts until the returned function is called (joins are counted: two views, one join). */
  joinThread(threadId: string): () => void;
}

const retryDelay = (attempt: number) => Math.min(30_000, 1_000 * 2 ** attempt);

/**
 * One connection per signed-in session. The first start is retried with a capped backoff (the hub's own automatic
 * reconnect only covers a connection that was up); after a reconnect the threads are joined again (a new connection
 * is in no group) and `onReconnected` lets the app refetch what it may have missed (also when a first start comes up
 * only after failed attempts).
 */
export function createLiveConnection(openHub: () => Promise<Hub>, onReconnected: () => void = () => undefined): LiveConnection {
  const handlers = new Map<LiveEvent, Set<(...args: never[]) => void>>();
  const threads = new Map<string, number>();
  let current: Promise<Hub | null> | null = null;
  let session = 0;

  const whenConnected = (task: (hub: Hub) => Promise<unknown>) =>
    void current?.then((hub) => (hub?.state === 'Connected' ? task(hub) : undefined)).catch(() => undefined);
  // A refused join (a thread the person may not read) only means no live updates: the page's own fetch shows the 404.
  const joinAll = (hub: Hub) => threads.forEach((_, id) => void hub.invoke('JoinThread', id).catch(() => undefined));

  async function run(mine: number): Promise<Hub | null> {
    const hub = await openHub();
    for (const event of LIVE_EVENTS) hub.on(event, (...args: never[]) => handlers.get(event)?.forEach((handler) => handler(...args)));
    hub.onreconnected(() => {
      joinAll(hub);
      onReconnected();
    });
    for (let attempt = 0; mine === session; attempt++) {
      try {
        await hub.start();
        joinAll(hub);
        // Up after failed attempts: the pages fetched meanwhile may have missed pushes, as after a reconnect.
        if (attempt > 0) onReconnected();
        return hub;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt)));
      }
    }
    return null;
  }

  return {
    start() {
      current ??= run(session).catch(() => null);
    },
    stop() {
      const stopping = current;
      current = null;
      session++;
      void stopping?.then((hub) => hub?.stop()).catch(() => undefined);
    },
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler as (...args: never[]) => void);
      return () => set.delete(handler as (...args: never[]) => void);
    },
    joinThread(threadId) {
      const count = (threads.get(threadId) ?? 0) + 1;
      threads.set(threadId, count);
      if (count === 1) whenConnected((hub) => hub.invoke('JoinThread', threadId));
      return () => {
        const left = (threads.get(threadId) ?? 1) - 1;
        if (left > 0) {
          threads.set(threadId, left);
          return;
        }
        threads.delete(threadId);
        whenConnected((hub) => hub.invoke('LeaveThread', threadId));
      };
    },
  };
}
