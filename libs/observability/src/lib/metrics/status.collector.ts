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
  metrics.onScrape(async () => {
    const status = await serviceStatus(checks);
    for (const [name, check] of Object.entries(status.checks))
      metrics.dependencyUp.set({ dependency: name }, check.status === 'up' ? 1 : 0);
    metrics.degraded.set(status.status === 'degraded' ? 1 : 0);
    const outbox = status['outbox'] as Backlog | undefined;
    if (outbox) {
      metrics.outboxPending.set(outbox.pending);
      metrics.outboxOldestSeconds.set(outbox.oldestSeconds ?? 0);
    }
  });
  return metrics;
}
