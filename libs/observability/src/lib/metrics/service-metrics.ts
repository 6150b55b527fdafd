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
  readonly httpRequests = this.histogram(
    'http_request_duration_seconds',
    'HTTP requests answered, by method, route pattern and status, and how long they took',
    ['method', 'route', 'status_code'],
  );

  readonly records = this.counter(
    'interscambio_records_total',
    'Records accepted or rejected by the write path, by theme, type, ente and outcome (status or rejection code)',
    ['theme', 'type', 'ente', 'outcome', 'reason'],
  );

  readonly outboxPending = this.gauge('interscambio_outbox_pending', 'Outbox rows not yet published to Kafka');

  readonly outboxOldestSeconds = this.gauge(
    'interscambio_outbox_oldest_pending_seconds',
    'Age of the oldest outbox row not yet published (0 when none waits)',
  );

  readonly dependencyUp = this.gauge(
    'interscambio_dependency_up',
    '1 when the dependency (postgres, kafka) answers, else 0',
    ['dependency'],
  );

  readonly degraded = this.gauge(
    'interscambio_degraded',
    '1 when an optional dependency (Kafka) is down and writes wait in the outbox, else 0',
  );

  readonly relayPublish = this.histogram(
    'interscambio_relay_publish_duration_seconds',
    'Time the outbox relay took to publish one batch to Kafka (acks included), by result',
    ['result'],
  );

  readonly relayPublished = this.counter(
    'interscambio_relay_published_events_total',
    'Events the outbox relay published to Kafka',
  );

  readonly consumerLag = this.gauge(
    'interscambio_consumer_lag',
    'Messages not yet committed by a consumer group, by topic (end offsets minus committed offsets)',
    ['group', 'topic'],
  );

  readonly consumerHandling = this.histogram(
    'interscambio_consumer_handling_duration_seconds',
    'Time a consumer group took to handle one event (retries included), by outcome',
    ['group', 'outcome'],
  );

  readonly deadLetters = this.counter(
    'interscambio_dead_letters_total',
    'Messages sent to <topic>.dlq, by original topic and consumer group',
    ['topic', 'group'],
  );

  readonly tokensIssued = this.counter('interscambio_tokens_issued_total', 'Access tokens the registry issued');

  readonly tokensRefused = this.counter(
    'interscambio_tokens_refused_total',
    'Token requests the registry refused, by problem code',
    ['code'],
  );

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
  }

  /** One batch the outbox relay sent (the outbox relay's onSettled). */
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

  private counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  /** Durations, in seconds, on the same buckets for every histogram so dashboards can compare them. */
  private histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: SECONDS, registers: [this.registry] });
  }
}
