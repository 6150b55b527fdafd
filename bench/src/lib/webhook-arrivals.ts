import { startHookServer } from '@interscambio/testing';
import type { HookServer } from '@interscambio/testing';

/** A receiver of webhooks: when each CloudEvent (by subject) arrived, on the bench's own clock. */
export class WebhookArrivals {
  readonly at = new Map<string, number[]>();
  count = 0;
  private waiters: { n: number; resolve: () => void }[] = [];

  private constructor(private readonly server: HookServer) {}

  get url(): string {
    return this.server.url;
  }

  static async start(): Promise<WebhookArrivals> {
    const holder: { arrivals?: WebhookArrivals } = {};
    const server = await startHookServer(
      (_request, body) => {
        const now = performance.now();
        const subject = (JSON.parse(body.toString('utf8')) as { subject: string }).subject;
        holder.arrivals?.record(subject, now);
        return 204;
      },
      { keepAliveTimeout: 30_000 },
    );
    holder.arrivals = new WebhookArrivals(server);
    return holder.arrivals;
  }

  private record(subject: string, now: number): void {
    this.at.set(subject, [...(this.at.get(subject) ?? []), now]);
    this.count++;
    this.waiters = this.waiters.filter((w) => (this.count >= w.n ? (w.resolve(), false) : true));
  }

  /** Resolves once `n` webhooks have arrived in all, or rejects after `timeoutMs`. */
  reached(n: number, timeoutMs: number): Promise<void> {
    if (this.count >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.count} of ${n} webhooks within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({ n, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
