import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { metricValue } from '@interscambio/observability';
import type { WatchedService } from '../config/console.config';
import { ConsoleSettings } from '../console.settings';

// Every 5 s: the page polls at the same pace, so what it shows is at most ~10 s old.
const SCRAPE_MS = 5000;
const HOUR_MINUTES = 60;
const SCRAPE_TIMEOUT_MS = 3000;

export interface ServiceState {
  name: string;
  status: 'up' | 'degraded' | 'down' | 'unreachable';
  checks: Record<string, string>;
  outboxPending?: number;
  outboxOldestSeconds?: number | null;
  checkedAt?: Date;
}

/** Records accepted and rejected in one minute. */
export interface MinuteCount {
  minute: number;
  accepted: number;
  rejected: number;
}

/**
 * Scrapes each service's /status and /metrics from the server side, and keeps per theme the
 * records accepted and rejected in each of the last 60 minutes, from the growth of
 * interscambio_records_total between scrapes. In memory: a restarted console starts its hour
 * again; a deployment with Prometheus would ask it instead (the same counter, rate() by minute).
 */
@Injectable()
export class ServiceWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ServiceWatcher');
  private readonly states = new Map<string, ServiceState>();
  private readonly last = new Map<string, { accepted: number; rejected: number }>();
  private readonly minutes = new Map<string, MinuteCount[]>();
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;

  constructor(private readonly settings: ConsoleSettings) {}

  onApplicationBootstrap(): void {
    this.round = this.scrapeAll();
    this.timer = setInterval(() => {
      this.round = this.scrapeAll();
    }, SCRAPE_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.round;
  }

  services(): ServiceState[] {
    return this.settings.services.map(
      (s) => this.states.get(s.name) ?? { name: s.name, status: 'unreachable', checks: {} },
    );
  }

  /** Per theme, the last 60 minutes, oldest first (minutes without records count 0). */
  lastHour(now = Date.now()): Map<string, MinuteCount[]> {
    const current = Math.floor(now / 60_000);
    const out = new Map<string, MinuteCount[]>();
    for (const s of this.settings.themeServices()) {
      const known = new Map((this.minutes.get(s.name) ?? []).map((m) => [m.minute, m]));
      out.set(
        s.name,
        Array.from({ length: HOUR_MINUTES }, (_, i) => {
          const minute = current - HOUR_MINUTES + 1 + i;
          return known.get(minute) ?? { minute, accepted: 0, rejected: 0 };
        }),
      );
    }
    return out;
  }

  private async scrapeAll(): Promise<void> {
    await Promise.all(this.settings.services.map((s) => this.scrape(s)));
  }

  private async scrape(service: WatchedService): Promise<void> {
    const signal = AbortSignal.timeout(SCRAPE_TIMEOUT_MS);
    try {
      const status = await fetch(`${service.baseUrl}/status`, { signal });
      const body = (await status.json()) as {
        status?: ServiceState['status'];
        checks?: Record<string, { status: string }>;
        outbox?: { pending: number; oldestSeconds: number | null };
      };
      this.states.set(service.name, {
        name: service.name,
        status: status.status === 503 ? 'down' : (body.status ?? 'down'),
        checks: Object.fromEntries(Object.entries(body.checks ?? {}).map(([k, v]) => [k, v.status])),
        outboxPending: body.outbox?.pending,
        outboxOldestSeconds: body.outbox?.oldestSeconds,
        checkedAt: new Date(),
      });
      const metrics = await fetch(`${service.baseUrl}/metrics`, { signal });
      if (metrics.ok) this.count(service.name, await metrics.text());
    } catch (error) {
      const was = this.states.get(service.name)?.status;
      if (was !== 'unreachable') this.logger.warn(`${service.name} does not answer: ${(error as Error).message}`);
      this.states.set(service.name, { name: service.name, status: 'unreachable', checks: {}, checkedAt: new Date() });
    }
  }

  private count(name: string, text: string): void {
    const now = {
      accepted: metricValue(text, 'interscambio_records_total', { outcome: 'accepted' }) ?? 0,
      rejected: metricValue(text, 'interscambio_records_total', { outcome: 'rejected' }) ?? 0,
    };
    const before = this.last.get(name);
    this.last.set(name, now);
    // The first scrape only sets the baseline; a counter that went down is a restarted service.
    if (!before) return;
    const grew = (a: number, b: number): number => (a >= b ? a - b : a);
    const minute = Math.floor(Date.now() / 60_000);
    const list = (this.minutes.get(name) ?? []).filter((m) => m.minute > minute - HOUR_MINUTES);
    let slot = list.find((m) => m.minute === minute);
    if (!slot) list.push((slot = { minute, accepted: 0, rejected: 0 }));
    slot.accepted += grew(now.accepted, before.accepted);
    slot.rejected += grew(now.rejected, before.rejected);
    this.minutes.set(name, list);
  }
}
