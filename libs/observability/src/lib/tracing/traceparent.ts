import { randomUUID } from 'node:crypto';
import { context, isSpanContextValid, trace, TraceFlags } from '@opentelemetry/api';
import type { Context } from '@opentelemetry/api';

/** The trace id of a `traceparent`: what log lines carry, and what one searches for. */
export function traceIdOf(traceparent: string | undefined): string | undefined {
  return traceparent?.slice(3, 35);
}

/** The `traceparent` of the span active in `ctx` (OpenTelemetry on), else undefined. */
export function activeTraceparent(ctx: Context = context.active()): string | undefined {
  const span = trace.getSpanContext(ctx);
  if (!span || !isSpanContextValid(span)) return undefined;
  const flags = (span.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED ? '01' : '00';
  return `00-${span.traceId}-${span.spanId}-${flags}`;
}

/**
 * A new trace, not sampled: what a request without a `traceparent` starts when OpenTelemetry is off.
 * From randomUUID, which draws on a cached pool: randomBytes costs ~10 µs a call, on every request.
 */
export function newTraceparent(): string {
  const trace = randomUUID().replaceAll('-', '');
  const span = randomUUID().replaceAll('-', '').slice(0, 16);
  return `00-${trace}-${span}-00`;
}
