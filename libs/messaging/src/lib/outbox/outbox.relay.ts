import { Pool } from 'pg';
import type { MessageBus } from '../message-bus';
import { errorMessage, OutboxPublishError } from '../messaging.errors';
import { WakeSignal } from '../wake-signal';
import { OutboxListener } from './outbox.listener';
import { OutboxPublisher } from './outbox.publisher';
import { claimPending, markFailed, markSent } from './outbox.store';
import { changeChannel, inTransaction } from '@interscambio/persistence';

export interface OutboxRelayOptions {
  /** postgres:// URL of the service's database. */
  url: string;
  /** The service schema whose `outbox` table this relay publishes. */
  schema: string;
  bus: MessageBus;
  /** Rows claimed and sent per pass (default 200). */
  batchSize?: number;
  /** Fallback poll when no NOTIFY arrives (default 1 s). */
  pollIntervalMs?: number;
  /** Longest wait between retries while Kafka fails (default 30 s). */
  maxBackoffMs?: number;
  /** Partitions of a topic the relay has to create (default 3). */
  topicPartitions?: number;
  log?: (msg: string) => void;
}

/**
 * Publishes the outbox of one schema to Kafka and marks each row sent in the transaction that
 * claimed it, after Kafka acked it. Kafka being down delays rows; it never loses one.
 */
export class OutboxRelay {
  private readonly pool: Pool;
  private readonly publisher: OutboxPublisher;
  private readonly wake = new WakeSignal();
  private readonly stopping = new WakeSignal();
  private readonly batchSize: number;
  private readonly log: (msg: string) => void;
  private limit: number;
  private listener?: OutboxListener;
  private loop?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private closed = false;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.limit = this.batchSize;
    this.log = options.log ?? ((msg) => console.warn(msg));
    this.pool = new Pool({ connectionString: options.url, max: 1, application_name: 'interscambio-outbox-relay' });
    this.pool.on('error', (error) =>
      this.log(`outbox relay (${options.schema}): idle connection failed: ${error.message}`),
    );
    this.publisher = new OutboxPublisher(options.bus, options.topicPartitions);
  }

  /** Listens for commits and publishes until stop(); a stopped relay is not started again. */
  async start(): Promise<void> {
    if (this.running || this.closed) return;
    this.listener = new OutboxListener({
      url: this.options.url,
      channel: changeChannel(this.options.schema),
      onNotify: () => this.wake.notify(),
      log: this.log,
    });
    await this.listener.start();
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake.notify();
    this.stopping.notify();
    await this.loop;
    await this.queue;
    await this.listener?.stop();
    if (this.closed) return;
    this.closed = true;
    await this.publisher.close();
    await this.pool.end();
  }

  /** One pass: publishes up to batchSize pending rows; rejects with OutboxPublishError if some stay pending. */
  publishPending(): Promise<number> {
    const pass = this.queue.then(() => this.pass());
    this.queue = pass.catch(() => undefined);
    return pass;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const published = await this.publishPending();
        failures = 0;
        if (published < this.limit) await this.wake.wait(this.options.pollIntervalMs ?? 1000);
      } catch (error) {
        failures += 1;
        const backoff = Math.min(this.options.maxBackoffMs ?? 30_000, 100 * 2 ** failures);
        this.log(`outbox relay (${this.options.schema}): ${errorMessage(error)}; retrying in ${backoff} ms`);
        await this.stopping.wait(backoff);
      }
    }
  }

  private async pass(): Promise<number> {
    const { schema } = this.options;
    const outcome = await inTransaction(this.pool, async (client) => {
      const rows = await claimPending(client, schema, this.limit);
      if (!rows || rows.length === 0) return { sent: [], failed: [] };
      const result = await this.publisher.publish(rows);
      if (result.sent.length > 0) await markSent(client, schema, result.sent);
      if (result.failed.length > 0)
        await markFailed(client, schema, result.failed, errorMessage(result.error).slice(0, 2000));
      return result;
    });
    if (outcome.failed.length === 0) {
      this.limit = this.batchSize;
      return outcome.sent.length;
    }
    // A batch too large for the broker fails every time: halving it lets the rows through.
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    throw new OutboxPublishError(outcome.failed.length, outcome.error);
  }
}
