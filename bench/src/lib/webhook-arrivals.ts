import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A receiver of webhooks: when each CloudEvent (by subject) arrived, on the bench's own clock. */
export class WebhookArrivals {
  readonly at = new Map<string, number[]>();
  count = 0;
  private waiters: { n: number; resolve: () => void }[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookArrivals> {
    const holder: { arrivals?: WebhookArrivals } = {};
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const now = performance.now();
        const subject = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { subject: string }).subject;
        response.writeHead(204).end();
        holder.arrivals?.record(subject, now);
      });
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    holder.arrivals = new WebhookArrivals(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
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
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
