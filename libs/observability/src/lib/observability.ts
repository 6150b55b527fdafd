import type { INestApplication, LoggerService } from '@nestjs/common';
import { ServiceMetrics } from './metrics/service-metrics';
import { NestPinoLogger } from './logs/nest-logger';
import { installRequestObservability } from './logs/request-observer';
import { createServiceLogger } from './logs/service-logger';
import type { NestLevel, ServiceLogger } from './logs/service-logger';

/**
 * What a service is observed through: its metrics and its logger. Made before the Nest app (whose
 * logger it provides), then provided to the app's modules and wired into its HTTP server.
 */
export class Observability {
  constructor(
    readonly metrics: ServiceMetrics,
    readonly logger: ServiceLogger,
  ) {}

  static forService(service: string, levels?: NestLevel[]): Observability {
    return new Observability(new ServiceMetrics(service), createServiceLogger(service, levels));
  }

  /** For NestFactory.create's `logger`: Nest's own lines as JSON, its start-up chatter left out. */
  nestLogger(): LoggerService {
    return new NestPinoLogger(this.logger);
  }

  /** The request metric and log line; call after NestFactory.create, before any other onRequest hook. */
  install(app: INestApplication): void {
    installRequestObservability(app, this.metrics, this.logger);
  }
}
