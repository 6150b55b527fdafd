import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { createRequire } from 'node:module';

let sdk: NodeSDK | undefined;

/**
 * Configured when the standard variables ask for an exporter: OTEL_TRACES_EXPORTER (not `none`) or
 * an OTLP endpoint; OTEL_SDK_DISABLED=true wins. Unset, nothing is started and nothing is exported.
 */
export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env['OTEL_SDK_DISABLED']?.toLowerCase() === 'true') return false;
  const exporter = env['OTEL_TRACES_EXPORTER'];
  if (exporter) return exporter.split(',').some((e) => e.trim() !== 'none');
  return Boolean(env['OTEL_EXPORTER_OTLP_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']);
}

/**
 * Starts the OpenTelemetry SDK (exporter, sampler, resource all from OTEL_* variables) with the
 * http and pg instrumentations, when configured. Call it first thing in `main.ts`: instrumentations
 * patch modules as they are loaded, so whatever loads http or pg before this goes unseen.
 */
export function startTracing(service: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (sdk || !tracingConfigured(env)) return false;
  env['OTEL_SERVICE_NAME'] ??= `interscambio-${service}`;
  // Metrics are Prometheus' (/metrics), logs pino's: the SDK exports traces only.
  env['OTEL_METRICS_EXPORTER'] ??= 'none';
  env['OTEL_LOGS_EXPORTER'] ??= 'none';
  // pg spans only inside a request's or an event's trace: the relay's and sealer's polling would
  // otherwise start a trace of its own every second.
  const instrumentations = [new HttpInstrumentation(), new PgInstrumentation({ requireParentSpan: true })];
  sdk = new NodeSDK({ instrumentations });
  sdk.start();
  // This library loads Nest and Fastify, hence node:http, before it can start the SDK; the hook
  // patches http's shared exports (Server.prototype.emit) when http is next required, so require it.
  const load = createRequire(__filename);
  load('node:http');
  load('node:https');
  const stop = (): void => void sdk?.shutdown().catch(() => undefined);
  process.once('beforeExit', stop);
  return true;
}

/**
 * Runs `work` in a consumer span whose parent is the event's `traceparent`, so what the work writes
 * (derived records) continues the trace. Without the SDK this is `work()` as is: callers then carry
 * the event's `traceparent` on themselves.
 */
export async function inEventSpan<T>(
  name: string,
  traceparent: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  if (!sdk) return work();
  const parent = traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
  const span = trace.getTracer('interscambio').startSpan(name, { kind: SpanKind.CONSUMER }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } finally {
    span.end();
  }
}
