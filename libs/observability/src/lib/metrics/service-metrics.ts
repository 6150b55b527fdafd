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

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
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

  // Each part of a service declares its metrics where it measures them (the relay, the consumers,
  // the write path, the token endpoint), so a service exports only what it can measure. Declaring
  // a metric again (a second consumer lifecycle, a second relay) answers the one already there.

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.declared<Counter<L>>(name) ?? new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return this.declared<Gauge<L>>(name) ?? new Gauge({ name, help, labelNames, registers: [this.registry] });
  }

  /** Durations, in seconds, on the same buckets for every histogram so dashboards can compare them. */
  histogram<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Histogram<L> {
    return (
      this.declared<Histogram<L>>(name) ??
      new Histogram({ name, help, labelNames, buckets: SECONDS, registers: [this.registry] })
    );
  }

  private declared<M>(name: string): M | undefined {
    return this.registry.getSingleMetric(name) as M | undefined;
  }
}
