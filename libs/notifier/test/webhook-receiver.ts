import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One POST as the receiver saw it, answered or refused. */
export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the receiver answered. */
  answered: number;
}

/**
 * A real HTTP receiver for tests: keeps every POST, answers 204 when up and 503 when down.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  up = true;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const holder: { receiver?: WebhookReceiver } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const receiver = holder.receiver;
        const answered = receiver?.up ? 204 : 503;
        receiver?.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
    return holder.receiver;
  }

  /** The POSTs it accepted (204), in arrival order. */
  get accepted(): ReceivedWebhook[] {
    return this.received.filter((r) => r.answered === 204);
  }

  /** The CloudEvents accepted, parsed. */
  events(): { id: string; type: string; subject?: string; revision?: number; data?: Record<string, unknown> }[] {
    return this.accepted.map((r) => JSON.parse(r.body) as ReturnType<WebhookReceiver['events']>[number]);
  }

  /** Verifies a POST with the subscription's secret, as a receiver does; throws when it does not verify. */
  static verify(webhook: ReceivedWebhook, secret: string): unknown {
    return new Webhook(secret).verify(webhook.body, webhook.headers as Record<string, string>);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
