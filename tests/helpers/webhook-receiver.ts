import http from 'http';
import type { AddressInfo } from 'net';

export interface WebhookEvent {
  event: string;
  entry: Record<string, unknown> & { documentId?: string };
}

export interface WebhookReceiver {
  /** The URL to register as a webhook. */
  url: string;
  /** Every event posted so far, in arrival order. */
  received: WebhookEvent[];
  close(): Promise<void>;
}

/** A local HTTP server standing in for a front end's revalidation endpoint: records what Strapi's webhooks post. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookEvent[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.parse(body) as WebhookEvent);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/revalidate`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
