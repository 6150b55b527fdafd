import { activeTraceparent, newTraceparent, traceIdOf } from './traceparent';
import { inEventSpan, tracingConfigured } from './tracing';

const W3C = /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/;

describe('trace context without the OpenTelemetry SDK', () => {
  it('is off unless OTEL_* variables ask for an exporter', () => {
    expect(tracingConfigured({})).toBe(false);
    expect(tracingConfigured({ OTEL_TRACES_EXPORTER: 'none' })).toBe(false);
    expect(tracingConfigured({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(tracingConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingConfigured({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });

  it('has no active span, starts new unsampled traces, and runs event work as is', async () => {
    expect(activeTraceparent()).toBeUndefined();
    const a = newTraceparent();
    expect(a).toMatch(W3C);
    expect(a.endsWith('-00')).toBe(true);
    expect(traceIdOf(a)).not.toBe(traceIdOf(newTraceparent()));
    expect(await inEventSpan('t process', a, async () => activeTraceparent())).toBeUndefined();
  });

  it('reads the trace id out of a traceparent', () => {
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    expect(traceIdOf(undefined)).toBeUndefined();
  });
});
