import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Operation } from '../docs/operation';
import { DependencyUnavailableError } from '../problem/problem.error';
import { Probe } from '../routes/public-route';
import { probe } from './dependency.probe';
import type { DependencyCheck } from './dependency.probe';

/** DI token of the service's StatusChecks. */
export const STATUS_CHECKS = Symbol('STATUS_CHECKS');

type Check = () => Promise<unknown>;

/** What the service depends on, by name: each check resolves when that dependency answers. */
export interface StatusChecks {
  /** Without these the service cannot accept writes (PostgreSQL): one down makes it not ready. */
  required: Record<string, Check>;
  /** Without these it keeps working, degraded (Kafka: writes wait in the outbox). */
  optional: Record<string, Check>;
  /** Facts reported beside the checks, e.g. the outbox backlog and the age of its oldest row. */
  details?: () => Promise<Record<string, unknown>>;
}

export interface ServiceStatus {
  /** `down`: a required dependency is (the /status route answers 503 then). */
  status: 'up' | 'degraded' | 'down';
  checks: Record<string, DependencyCheck>;
  [detail: string]: unknown;
}

/**
 * Three questions kept apart, for people and for Kubernetes probes: is the process alive
 * (`/health/live`), can it accept writes (`/health/ready`: every required dependency answers),
 * and how is it doing (`/status`: up, or degraded with what is down and what waits meanwhile).
 */
@ApiTags('status')
@Probe()
@Controller()
export class StatusController {
  constructor(@Inject(STATUS_CHECKS) private readonly checks: StatusChecks) {}

  @Get('status')
  @Operation(
    'Stato del servizio: 200 up, 200 degraded se Kafka non risponde, 503 problem+json se PostgreSQL non risponde',
    '200 up, or 200 degraded when an optional dependency (Kafka) is down; 503 problem+json when PostgreSQL is',
  )
  async status(): Promise<ServiceStatus> {
    const status = await serviceStatus(this.checks);
    refuseIfDown(status.checks, Object.keys(this.checks.required));
    return status;
  }

  @Get('health/live')
  @Operation('Liveness: 200 finché il processo risponde', 'Liveness: 200 while the process answers')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('health/ready')
  @Operation(
    'Readiness: 200 quando il servizio può accettare scritture (PostgreSQL risponde), altrimenti 503',
    'Readiness: 200 when the service can accept writes (PostgreSQL answers), else 503',
  )
  async ready(): Promise<{ status: 'ready'; checks: Record<string, DependencyCheck> }> {
    const required = await run(this.checks.required);
    refuseIfDown(required, Object.keys(required));
    return { status: 'ready', checks: required };
  }
}

/** What /status reports (and /metrics exports), without refusing when PostgreSQL is down. */
export async function serviceStatus(checks: StatusChecks): Promise<ServiceStatus> {
  const [required, optional] = await Promise.all([run(checks.required), run(checks.optional)]);
  const details = (await checks.details?.().catch(() => undefined)) ?? {};
  const down = Object.values(required).some((c) => c.status !== 'up');
  const degraded = Object.values(optional).some((c) => c.status !== 'up');
  return { status: down ? 'down' : degraded ? 'degraded' : 'up', checks: { ...required, ...optional }, ...details };
}

async function run(checks: Record<string, Check>): Promise<Record<string, DependencyCheck>> {
  const names = Object.keys(checks);
  const results = await Promise.all(names.map((name) => probe(checks[name] as Check)));
  return Object.fromEntries(names.map((name, i) => [name, results[i] as DependencyCheck]));
}

function refuseIfDown(checks: Record<string, DependencyCheck>, required: string[]): void {
  const down = Object.entries(checks).filter(([name, c]) => required.includes(name) && c.status !== 'up');
  if (down.length > 0)
    throw new DependencyUnavailableError(down.map(([name, c]) => `${name}: ${c.error ?? 'down'}`).join('; '), 5);
}
