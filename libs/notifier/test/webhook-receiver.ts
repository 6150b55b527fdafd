import type { IncomingHttpHeaders } from 'node:http';
import { startHookServer } from '@interscambio/testing';
import type { HookServer } from '@interscambio/testing';
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

  private constructor(private readonly server: HookServer) {}

  get url(): string {
    return this.server.url;
  }

  static async start(): Promise<WebhookReceiver> {
    const holder: { receiver?: WebhookReceiver } = {};
    const server = await startHookServer((request, body) => {
      const receiver = holder.receiver;
      const answered = receiver?.up ? 204 : 503;
      receiver?.received.push({ headers: request.headers, body: body.toString('utf8'), answered });
      return answered;
    });
    holder.receiver = new WebhookReceiver(server);
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
    return this.server.close();
  }
}
