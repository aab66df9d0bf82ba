import type { Hub } from './live-connection';

export const HUB_PATH = '/hubs/notifications';

/**
 * The SignalR client, loaded on first use so it stays out of the initial bundle. The token travels in the negotiate
 * request's Authorization header, and in the WebSocket's query string, the only place a browser can put it there.
 */
export async function openSignalRHub(accessToken: () => Promise<string>): Promise<Hub> {
  const signalR = await import('@microsoft/signalr');
  return new signalR.HubConnectionBuilder()
    .withUrl(HUB_PATH, { accessTokenFactory: accessToken })
    // Never gives up: a long outage ends with the connection back, not with a page that silently stopped updating.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1_000 * 2 ** previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}
