import { metricValue } from './metric-text';
import { ServiceMetrics } from './service-metrics';

describe('the metrics of a service', () => {
  it('exports only what its parts declared, with the service as a label', async () => {
    const metrics = new ServiceMetrics('prova');
    metrics.counter('interscambio_prova_total', 'What prova counts', ['esito']).inc({ esito: 'ok' });
    const text = await metrics.scrape();
    expect(metricValue(text, 'interscambio_prova_total', { esito: 'ok', service: 'prova' })).toBe(1);
    expect(text).toContain('http_request_duration_seconds');
    // Nobody here declared the registry's token metrics: a theme does not export them as zeros.
    expect(text).not.toContain('interscambio_tokens_issued_total');
  });

  it('answers a metric declared again with the one already there, its counts kept', async () => {
    const metrics = new ServiceMetrics('prova');
    const first = metrics.gauge('interscambio_prova_lag', 'Lag', ['topic']);
    first.set({ topic: 'a' }, 3);
    const again = metrics.gauge('interscambio_prova_lag', 'Lag', ['topic']);
    expect(again).toBe(first);
    expect(metricValue(await metrics.scrape(), 'interscambio_prova_lag', { topic: 'a' })).toBe(3);
  });

  it('keeps two services apart in one process', async () => {
    const [a, b] = [new ServiceMetrics('a'), new ServiceMetrics('b')];
    a.counter('interscambio_prova_total', 'What prova counts').inc();
    b.counter('interscambio_prova_total', 'What prova counts');
    expect(metricValue(await a.scrape(), 'interscambio_prova_total')).toBe(1);
    expect(metricValue(await b.scrape(), 'interscambio_prova_total')).toBe(0);
  });
});
