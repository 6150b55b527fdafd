import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DependencyUnavailableError } from '../problem/problem.error';
import { Public } from '../routes/public-route';
import { probe } from './dependency.probe';
import type { DependencyCheck } from './dependency.probe';

/** DI token of the service's StatusChecks. */
export const STATUS_CHECKS = Symbol('STATUS_CHECKS');

/** What the service depends on, by name: each resolves when that dependency answers. */
export type StatusChecks = Record<string, () => Promise<unknown>>;

export interface ServiceStatus {
  status: 'up';
  checks: Record<string, DependencyCheck>;
}

@ApiTags('status')
@Public()
@Controller('status')
export class StatusController {
  constructor(@Inject(STATUS_CHECKS) private readonly checks: StatusChecks) {}

  /** 200 when every dependency answers in time, else 503 problem+json naming what is down. */
  @Get()
  @ApiOperation({ summary: '200 when PostgreSQL and Kafka answer, else 503 problem+json naming what is down' })
  async check(): Promise<ServiceStatus> {
    const names = Object.keys(this.checks);
    const results = await Promise.all(names.map((name) => probe(this.checks[name] as () => Promise<unknown>)));
    const checks = Object.fromEntries(names.map((name, i) => [name, results[i] as DependencyCheck]));
    const down = Object.entries(checks).filter(([, c]) => c.status !== 'up');
    if (down.length > 0)
      throw new DependencyUnavailableError(down.map(([name, c]) => `${name}: ${c.error ?? 'down'}`).join('; '));
    return { status: 'up', checks };
  }
}
