import type { INestApplication, LoggerService, Provider } from '@nestjs/common';
import { STATUS_CHECKS } from '@interscambio/http';
import type { StatusChecks } from '@interscambio/http';
import { collectStatus } from './metrics/status.collector';
import { ServiceMetrics } from './metrics/service-metrics';
import { NestPinoLogger } from './logs/nest-logger';
import { installRequestObservability } from './logs/request-observer';
import { createServiceLogger } from './logs/service-logger';
import type { ServiceLogger, ServiceLogging } from './logs/service-logger';

const STATUS_GAUGES = Symbol('STATUS_GAUGES');

/**
 * What a service is observed through: its metrics and its logger. Made before the Nest app (whose
 * logger it provides), then provided to the app's modules and wired into its HTTP server.
 */
export class Observability {
  constructor(
    readonly metrics: ServiceMetrics,
    readonly logger: ServiceLogger,
  ) {}

  static forService(service: string, { levels, destination }: ServiceLogging = {}): Observability {
    return new Observability(new ServiceMetrics(service), createServiceLogger(service, levels, destination));
  }

  /** For NestFactory.create's `logger`: Nest's own lines as JSON, its start-up chatter left out. */
  nestLogger(): LoggerService {
    return new NestPinoLogger(this.logger);
  }

  /**
   * For the service's module, beside MetricsController: this, its metrics, and the status gauges
   * read at each scrape from the module's STATUS_CHECKS (the same checks as `/status`).
   */
  providers(): Provider[] {
    return [
      { provide: Observability, useValue: this },
      { provide: ServiceMetrics, useValue: this.metrics },
      {
        provide: STATUS_GAUGES,
        inject: [STATUS_CHECKS],
        useFactory: (checks: StatusChecks) => collectStatus(this.metrics, checks),
      },
    ];
  }

  /** The request metric and log line; call after NestFactory.create, before any other onRequest hook. */
  install(app: INestApplication): void {
    installRequestObservability(app, this.metrics, this.logger);
  }
}
