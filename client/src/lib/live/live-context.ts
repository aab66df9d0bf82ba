import { createContext, useContext, useEffect, useEffectEvent } from 'react';
import type { LiveConnection, LiveEvent, LiveEvents } from './live-connection';

/** The session's live connection; null when signed out, or in tests that render no hub. */
export const LiveContext = createContext<LiveConnection | null>(null);

/** Calls `handler` on each `event` the hub pushes to this session (the latest handler: no re-subscription per render). */
export function useLiveEvent<K extends LiveEvent>(event: K, handler: (...args: LiveEvents[K]) => void) {
  const live = useContext(LiveContext);
  const onEvent = useEffectEvent((...args: LiveEvents[K]) => handler(...args));
  useEffect(() => live?.on(event, (...args) => onEvent(...args)), [live, event]);
}

/** Joins the hub's group of this thread while the component is mounted, so its `postPublished` messages arrive. */
export function useThreadLive(threadId: string | undefined) {
  const live = useContext(LiveContext);
  useEffect(() => (threadId ? live?.joinThread(threadId) : undefined), [live, threadId]);
}
