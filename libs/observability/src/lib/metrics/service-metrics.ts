import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Work done when Prometheus scrapes: reads a gauge's current value (a backlog, a lag) from its source. */
export type ScrapeCollector = () => Promise<void>;

const SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics of one service, in a registry of its own: several apps in one process (the tests)
 * must not share counters, nor fail on a metric registered twice.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly collectors: ScrapeCollector[] = [];

  /** By route pattern, never the URL: keys and query values may be personal data, and are unbounded. */
  readonly httpRequests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route pattern and status, and how long they took',
    labelNames: ['method', 'route', 'status_code'],
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly records = new Counter({
    name: 'interscambio_records_total',
    help: 'Records accepted or rejected by the write path, by theme, type, ente and outcome (status or rejection code)',
    labelNames: ['theme', 'type', 'ente', 'outcome', 'reason'],
    registers: [this.registry],
  });

  readonly outboxPending = new Gauge({
    name: 'interscambio_outbox_pending',
    help: 'Outbox rows not yet published to Kafka',
    registers: [this.registry],
  });

  readonly outboxOldestSeconds = new Gauge({
    name: 'interscambio_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not yet published (0 when none waits)',
    registers: [this.registry],
  });

  readonly dependencyUp = new Gauge({
    name: 'interscambio_dependency_up',
    help: '1 when the dependency (postgres, kafka) answers, else 0',
    labelNames: ['dependency'],
    registers: [this.registry],
  });

  readonly degraded = new Gauge({
    name: 'interscambio_degraded',
    help: '1 when an optional dependency (Kafka) is down and writes wait in the outbox, else 0',
    registers: [this.registry],
  });

  readonly relayPublish = new Histogram({
    name: 'interscambio_relay_publish_duration_seconds',
    help: 'Time the outbox relay took to publish one batch to Kafka (acks included), by result',
    labelNames: ['result'],
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly relayPublished = new Counter({
    name: 'interscambio_relay_published_events_total',
    help: 'Events the outbox relay published to Kafka',
    registers: [this.registry],
  });

  readonly consumerLag = new Gauge({
    name: 'interscambio_consumer_lag',
    help: 'Messages not yet committed by a consumer group, by topic (end offsets minus committed offsets)',
    labelNames: ['group', 'topic'],
    registers: [this.registry],
  });

  readonly consumerHandling = new Histogram({
    name: 'interscambio_consumer_handling_duration_seconds',
    help: 'Time a consumer group took to handle one event (retries included), by outcome',
    labelNames: ['group', 'outcome'],
    buckets: SECONDS,
    registers: [this.registry],
  });

  readonly deadLetters = new Counter({
    name: 'interscambio_dead_letters_total',
    help: 'Messages sent to <topic>.dlq, by original topic and consumer group',
    labelNames: ['topic', 'group'],
    registers: [this.registry],
  });

  readonly tokensIssued = new Counter({
    name: 'interscambio_tokens_issued_total',
    help: 'Access tokens the registry issued',
    registers: [this.registry],
  });

  readonly tokensRefused = new Counter({
    name: 'interscambio_tokens_refused_total',
    help: 'Token requests the registry refused, by problem code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** One batch the outbox relay sent (OutboxRelayOptions.onPublished). */
  relayBatch(batch: { events: number; seconds: number; ok: boolean }): void {
    this.relayPublish.observe({ result: batch.ok ? 'sent' : 'failed' }, batch.seconds);
    this.relayPublished.inc(batch.events);
  }

  /** Runs `collector` at each scrape; a failing one leaves its gauges as they were. */
  onScrape(collector: ScrapeCollector): void {
    this.collectors.push(collector);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition, after every collector has run. */
  async scrape(): Promise<string> {
    await Promise.all(this.collectors.map((collect) => collect().catch(() => undefined)));
    return this.registry.metrics();
  }
}
