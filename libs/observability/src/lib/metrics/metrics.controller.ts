import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Probe } from '@interscambio/http';
import type { HttpReply } from '@interscambio/http';
import { ServiceMetrics } from './service-metrics';

/** `/metrics` for Prometheus: public like the probes, and outside the rate limits (scraped every few seconds). */
@ApiExcludeController()
@Probe()
@Controller()
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  @Get('metrics')
  async metricsText(@Res({ passthrough: true }) reply: HttpReply): Promise<string> {
    const text = await this.metrics.scrape();
    reply.header('content-type', this.metrics.contentType);
    return text;
  }
}
