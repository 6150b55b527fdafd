import { serviceStatus } from '@interscambio/http';
import type { StatusChecks } from '@interscambio/http';
import type { ServiceMetrics } from './service-metrics';

interface Backlog {
  pending: number;
  oldestSeconds: number | null;
}

/**
 * At each scrape, what `/status` reports: each dependency up or down, degraded or not, and the
 * outbox backlog with the age of its oldest row (a partial index keeps that query cheap).
 */
export function collectStatus(metrics: ServiceMetrics, checks: StatusChecks): ServiceMetrics {
  const up = metrics.gauge('interscambio_dependency_up', '1 when the dependency (postgres, kafka) answers, else 0', [
    'dependency',
  ]);
  const degraded = metrics.gauge(
    'interscambio_degraded',
    '1 when an optional dependency (Kafka) is down and writes wait in the outbox, else 0',
  );
  const backlog = {
    pending: metrics.gauge('interscambio_outbox_pending', 'Outbox rows not yet published to Kafka'),
    oldest: metrics.gauge(
      'interscambio_outbox_oldest_pending_seconds',
      'Age of the oldest outbox row not yet published (0 when none waits)',
    ),
  };
  metrics.onScrape(async () => {
    const status = await serviceStatus(checks);
    for (const [name, check] of Object.entries(status.checks))
      up.set({ dependency: name }, check.status === 'up' ? 1 : 0);
    degraded.set(status.status === 'degraded' ? 1 : 0);
    const outbox = status['outbox'] as Backlog | undefined;
    if (outbox) {
      backlog.pending.set(outbox.pending);
      backlog.oldest.set(outbox.oldestSeconds ?? 0);
    }
  });
  return metrics;
}
