import type { LiveConnection, LiveEvent, LiveEvents } from '@/lib/live/live-connection';

/** A live connection a test drives: it pushes hub events by hand and reads which threads are joined now. */
export function fakeLive() {
  const handlers = new Map<LiveEvent, Set<(...args: never[]) => void>>();
  const joined: string[] = [];
  const live: LiveConnection = {
    start: () => undefined,
    stop: () => undefined,
    on(event, handler) {
      const set = handlers.get(event) ?? new Set();
      handlers.set(event, set);
      set.add(handler as (...args: never[]) => void);
      return () => set.delete(handler as (...args: never[]) => void);
    },
    joinThread(threadId) {
      joined.push(threadId);
      return () => joined.splice(joined.indexOf(threadId), 1);
    },
  };
  return {
    live,
    joined,
    push<K extends LiveEvent>(event: K, ...args: LiveEvents[K]) {
      handlers.get(event)?.forEach((handler) => handler(...(args as never[])));
    },
  };
}
