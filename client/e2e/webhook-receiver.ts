import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  /** The `webhook-id` header: the same on every retry of one message. */
  id: string;
  body: string;
  /** Whether Standard Webhooks' own check accepts the signature with the secret the admin was shown. */
  verified: boolean;
}

/**
 * The other system's side: an HTTP endpoint on loopback (the Development API accepts it) that checks each request's
 * signature with the `standardwebhooks` package and answers 200.
 */
export function startReceiver() {
  const received: Received[] = [];
  let secret: string | undefined;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ id: String(request.headers['webhook-id']), body, verified: secret !== undefined && verifies(secret, body, request.headers) });
      response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    });
  });
  return new Promise<{ url: string; received: Received[]; trust: (value: string) => void; stop: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/spoc-events`,
        received,
        trust: (value) => {
          secret = value;
        },
        stop: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

function verifies(secret: string, body: string, headers: IncomingHttpHeaders) {
  try {
    new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    });
    return true;
  } catch {
    return false;
  }
}
