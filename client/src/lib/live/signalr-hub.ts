import type { Hub } from './live-connection';

export const HUB_PATH = '/hubs/notifications';

/**
 * The SignalR client, loaded on first use so it stays out of the initial bundle. WebSocket only, without the negotiate
 * request: the one request may reach any API instance (no sticky sessions, ADR 0026), and carries the token in its
 * query string, the only place a browser can put it on a WebSocket.
 */
export async function openSignalRHub(accessToken: () => Promise<string>): Promise<Hub> {
  const signalR = await import('@microsoft/signalr');
  return new signalR.HubConnectionBuilder()
    .withUrl(HUB_PATH, { accessTokenFactory: accessToken, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
    // Never gives up: a long outage ends with the connection back, not with a page that silently stopped updating.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ({ previousRetryCount }) => Math.min(30_000, 1_000 * 2 ** previousRetryCount) })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}
