import type { ServiceMetrics } from '@interscambio/observability';
import type { ChangeSignal } from '@interscambio/persistence';
import type { MessageBus } from '../message-bus';
import { errorMessage, OutboxPublishError } from '../messaging.errors';
import { WakeSignal } from '../wake-signal';
import { OutboxLeadership } from './outbox.leadership';
import { OutboxPublisher } from './outbox.publisher';
import { markFailed, markSent, markSentAndRead, pendingRows } from './outbox.store';
import type { OutboxRow } from './outbox.store';
import type { WorkerReports } from '../worker-reports';

/** The relay settles a batch once sent or failed: how many events, how long (acks included), whether all went. */
export interface OutboxRelayOptions extends WorkerReports<PublishedBatch> {
  /** postgres:// URL of the service's database. */
  url: string;
  /** The service schema whose `outbox` table this relay publishes. */
  schema: string;
  bus: MessageBus;
  /** Commits announced by the service's writers (in this process and, by NOTIFY, in others). */
  signal?: ChangeSignal;
  /** Rows read and sent per pass (default 1,000: about 1.4 MB of events, under a partition's 1 MB batch limit on 3 partitions). */
  batchSize?: number;
  /** Poll when nothing announces a commit, and how often a standby asks to lead (default 1 s). */
  pollIntervalMs?: number;
  /**
   * How long a woken relay waits for more commits before reading, and a relay that sent a part
   * batch before reading the next (default 15 ms): at a hundred or more commits a second, one pass
   * then carries several rows instead of one read, send and mark each. A pass costs the service
   * about 1 ms of CPU (a produce request, a statement): see bench/results/notifier.md.
   */
  lingerMs?: number;
  /**
   * Longest wait between retries while Kafka fails (default 5 s): the backlog drains at most this
   * long after the broker is back, and a retry costs one refused connection.
   */
  maxBackoffMs?: number;
  /** Partitions of a topic the relay has to create (default 3). */
  topicPartitions?: number;
}

interface PublishedBatch {
  events: number;
  seconds: number;
  ok: boolean;
}

/** What a service gives its relay: its database, whose writers' commits wake the relay, its log and its metrics. */
export interface RelayingService {
  db: { url: string; schema: string; changes: ChangeSignal };
  bus: MessageBus;
  logger: { warn(message: string): void };
  metrics: ServiceMetrics;
}

/** The relay's metrics, in its service's registry: each batch's send time by result, and the events sent. */
function relayMetrics(metrics: ServiceMetrics): (batch: PublishedBatch) => void {
  const publish = metrics.histogram(
    'interscambio_relay_publish_duration_seconds',
    'Time the outbox relay took to publish one batch to Kafka (acks included), by result',
    ['result'],
  );
  const published = metrics.counter(
    'interscambio_relay_published_events_total',
    'Events the outbox relay published to Kafka',
  );
  return (batch) => {
    publish.observe({ result: batch.ok ? 'sent' : 'failed' }, batch.seconds);
    published.inc(batch.events);
  };
}

/**
 * Publishes the outbox of one schema to Kafka: reads the oldest unsent rows, sends them, waits for
 * the acks, then marks them sent, with no transaction open meanwhile. A crash between the ack and
 * the mark sends those rows again at the next pass, under the same CloudEvent id (the row's id),
 * which consumers drop as a duplicate. Kafka being down delays rows; it never loses one.
 */
export class OutboxRelay {
  private readonly leadership: OutboxLeadership;
  private readonly publisher: OutboxPublisher;
  private readonly wakeUp = new WakeSignal();
  private readonly stopping = new WakeSignal();
  private readonly batchSize: number;
  private readonly lingerMs: number;
  private readonly log: (msg: string) => void;
  private limit: number;
  private unfollow?: () => void;
  private loop?: Promise<void>;
  private queue: Promise<unknown> = Promise.resolve();
  private running = false;
  private closed = false;
  /** The next pending rows, read with the marking of the last ones sent. */
  private next?: OutboxRow[];

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 1000;
    this.lingerMs = options.lingerMs ?? 15;
    this.limit = this.batchSize;
    this.log = options.log ?? ((msg) => console.warn(msg));
    this.leadership = new OutboxLeadership(options.url, options.schema, this.log);
    this.publisher = new OutboxPublisher(options.bus, options.topicPartitions);
  }

  /** The relay of a service's own outbox, with the defaults every service runs with. */
  static forService({ db, bus, logger, metrics }: RelayingService): OutboxRelay {
    return new OutboxRelay({
      url: db.url,
      schema: db.schema,
      bus,
      signal: db.changes,
      log: (m) => logger.warn(m),
      onSettled: relayMetrics(metrics),
    });
  }

  /** Publishes until stop(), woken by the signal's commits; a stopped relay is not started again. */
  async start(): Promise<void> {
    if (this.running || this.closed) return;
    this.unfollow = this.options.signal?.follow(() => this.wake());
    this.running = true;
    this.loop = this.run();
  }

  /** A commit that appended to the outbox: publish without waiting for the next poll. */
  wake(): void {
    this.wakeUp.notify();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unfollow?.();
    this.wakeUp.notify();
    this.stopping.notify();
    await this.loop;
    await this.queue;
    if (this.closed) return;
    this.closed = true;
    await this.publisher.close();
    await this.leadership.drop();
  }

  /**
   * One pass: publishes up to batchSize pending rows if this relay leads (0 while another does);
   * rejects with OutboxPublishError if some stay pending.
   */
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
        if (published < this.limit && !this.next) {
          await this.wakeUp.wait(this.options.pollIntervalMs ?? 1000);
          await this.stopping.wait(this.lingerMs);
        }
      } catch (error) {
        failures += 1;
        const backoff = Math.min(this.options.maxBackoffMs ?? 5_000, 100 * 2 ** failures);
        this.log(`outbox relay (${this.options.schema}): ${errorMessage(error)}; retrying in ${backoff} ms`);
        await this.stopping.wait(backoff);
      }
    }
  }

  private async pass(): Promise<number> {
    const { schema } = this.options;
    try {
      const client = await this.leadership.acquire();
      if (!client) return 0;
      const rows = this.next ?? (await pendingRows(client, schema, this.limit));
      this.next = undefined;
      if (rows.length === 0) return 0;
      const started = process.hrtime.bigint();
      const result = await this.publisher.publish(rows);
      this.options.onSettled?.({
        events: result.sent.length,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        ok: result.failed.length === 0,
      });
      if (result.failed.length === 0) {
        this.limit = this.batchSize;
        // Commits that came while the batch was sent are read with the mark and sent at once: a
        // short wait first lets more of them come, or each pass would carry the one or two rows
        // committed during the previous send.
        if (this.running && result.sent.length < this.limit) await this.stopping.wait(this.lingerMs);
        // Nothing more pending: the next pass reads afresh once woken.
        const next = await markSentAndRead(client, schema, result.sent, this.limit);
        this.next = next.length > 0 ? next : undefined;
        return result.sent.length;
      }
      if (result.sent.length > 0) await markSent(client, schema, result.sent);
      await markFailed(client, schema, result.failed, errorMessage(result.error).slice(0, 2000));
      // A batch too large for the broker fails every time: halving it lets the rows through.
      this.limit = Math.max(1, Math.floor(this.limit / 2));
      throw new OutboxPublishError(result.failed.length, result.error);
    } catch (error) {
      this.next = undefined;
      // The database failed us (Kafka failures are OutboxPublishError): lead again from a new connection.
      if (!(error instanceof OutboxPublishError)) await this.leadership.drop();
      throw error;
    }
  }
}
