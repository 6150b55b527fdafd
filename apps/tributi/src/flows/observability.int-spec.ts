import type { ThemeOptions } from '@interscambio/exchange';
import { deleteFlowTopics, startFlowTheme } from '@interscambio/exchange/testing';
import type { RunningTheme } from '@interscambio/exchange/testing';
import { eventCorrelationId, KafkajsBus } from '@interscambio/messaging';

import { metricValue } from '@interscambio/observability';

import { eventually, forSuite, OutputCapture, testKafkaBrokers, uniqueName } from '@interscambio/testing';

import { EventCollector } from '../../test/event-collector';
import { praticaConclusa } from '../../test/pratica-conclusa';

import { tributiTheme } from '../tributi.theme';

// One PUT in edilizia-catasto followed to the avvisi IMU it derives in tributi: its trace id on the
// Kafka message, in tributi's consumer log line and on the derived records' events; and every
// metric of both services moving with that traffic, scraped from /metrics before and after.

const ediliziaCatasto: ThemeOptions = { theme: 'edilizia-catasto', defaultPort: 0 };
const prefix = uniqueName('it-observed');
const bus = new KafkajsBus(testKafkaBrokers(), uniqueName('observed-test'));
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const PRATICA_ROUTE = '/edilizia-catasto/v1/records/:type/:ente/:key';

// One property and no new unit: one avviso IMU derived.
const pratica = { ...praticaConclusa, immobili: praticaConclusa.immobili.slice(0, 1), unitaImmobiliari: undefined };

type LogLine = Record<string, unknown>;

function jsonLines(text: string): LogLine[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

describe('operators follow one record across services: trace context, logs and metrics', () => {
  const topics = {
    pratica: `${prefix}.edilizia-catasto.pratica-edilizia`,
    avviso: `${prefix}.tributi.avviso-verifica-imu`,
  };
  const group = `${prefix}.tributi.pratiche-edilizie-concluse`;

  const edilizia = forSuite(() =>
    startFlowTheme(ediliziaCatasto, 'observed_edilizia', prefix, ['error', 'warn', 'log']),
  );
  const tributi = forSuite(() => startFlowTheme(tributiTheme, 'observed_tributi', prefix, ['error', 'warn', 'log']));
  const collector = forSuite(() => EventCollector.start(bus, [topics.pratica, topics.avviso]));

  afterAll(() => deleteFlowTopics(bus, prefix));

  const scrape = async (theme: RunningTheme, base: string): Promise<string> => {
    const res = await theme.app.inject({ method: 'GET', url: `/${base}/v1/metrics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body;
  };

  it('carries the trace id of a PUT to Kafka, the consumer log line and the derived records, and moves every metric', async () => {
    const before = { edilizia: await scrape(edilizia, 'edilizia-catasto'), tributi: await scrape(tributi, 'tributi') };
    const capture = OutputCapture.start();
    let output: string;
    let put: Awaited<ReturnType<RunningTheme['call']>>;
    let source: { id: string } | undefined;
    try {
      put = await edilizia.call('082053', {
        method: 'PUT',
        url: '/edilizia-catasto/v1/records/pratica-edilizia/082053/CILA-9001',
        headers: { traceparent: TRACEPARENT },
        payload: pratica,
      });
      expect(put.statusCode).toBe(201);
      const refused = await edilizia.call('082053', {
        method: 'PUT',
        url: '/edilizia-catasto/v1/records/pratica-edilizia/082053/CILA-9002',
        payload: { ...pratica, stato: 'sconosciuto' },
      });
      expect(refused.statusCode).toBe(422);
      const [sent] = await collector.waitFor(1, (e) => e.topic === topics.pratica && e.subject === 'CILA-9001');
      expect(sent?.extensions['traceparent']).toBe(TRACEPARENT);
      source = sent;
      const [derived] = await collector.waitFor(1, (e) => e.topic === topics.avviso);
      expect(derived?.extensions['traceparent']?.slice(3, 35)).toBe(TRACE_ID);
      expect(derived && eventCorrelationId(derived)).toBe(put.headers['x-correlation-id']);
      // The collector is done: it would choke on what comes next.
      await collector.close();
      // Not a CloudEvent: tributi's flow sends it to the dead letters at once.
      const producer = await bus.producer();
      await producer.send(topics.pratica, [{ key: '082053/rotto', value: '{}', headers: {} }]);
      await producer.close();

      await eventually(async () =>
        metricValue(await scrape(tributi, 'tributi'), 'interscambio_dead_letters_total', { topic: topics.pratica }),
      );
      output = capture.text;
    } finally {
      capture.stop();
    }

    const lines = jsonLines(output);
    expect(lines).toContainEqual(
      expect.objectContaining({
        service: 'tributi',
        msg: 'event',
        group,
        topic: topics.pratica,
        eventId: source?.id,
        traceId: TRACE_ID,
        outcome: 'handled',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        service: 'edilizia-catasto',
        msg: 'request',
        correlationId: put.headers['x-correlation-id'],
        traceId: TRACE_ID,
        method: 'PUT',
        route: PRATICA_ROUTE,
        status: 201,
        client: expect.any(String),
        ente: '082053',
      }),
    );

    const after = { edilizia: await scrape(edilizia, 'edilizia-catasto'), tributi: await scrape(tributi, 'tributi') };
    const moved = (service: keyof typeof after, name: string, labels: Record<string, string> = {}): number =>
      (metricValue(after[service], name, labels) ?? 0) - (metricValue(before[service], name, labels) ?? 0);
    expect({
      httpCreated: moved('edilizia', 'http_request_duration_seconds_count', {
        route: PRATICA_ROUTE,
        status_code: '201',
      }),
      httpRefused: moved('edilizia', 'http_request_duration_seconds_count', {
        route: PRATICA_ROUTE,
        status_code: '422',
      }),
      accepted: moved('edilizia', 'interscambio_records_total', {
        theme: 'edilizia-catasto',
        type: 'pratica-edilizia',
        ente: '082053',
        outcome: 'accepted',
      }),
      rejected: moved('edilizia', 'interscambio_records_total', {
        type: 'pratica-edilizia',
        ente: '082053',
        outcome: 'rejected',
        reason: 'invalid-record',
      }),
      derived: moved('tributi', 'interscambio_records_total', { type: 'avviso-verifica-imu', outcome: 'accepted' }),
      handled: moved('tributi', 'interscambio_consumer_handling_duration_seconds_count', { group, outcome: 'handled' }),
      deadLetters: moved('tributi', 'interscambio_dead_letters_total', { topic: topics.pratica, group }),
    }).toEqual({ httpCreated: 1, httpRefused: 1, accepted: 1, rejected: 1, derived: 1, handled: 1, deadLetters: 1 });
    for (const service of ['edilizia', 'tributi'] as const) {
      expect(moved(service, 'interscambio_relay_published_events_total')).toBeGreaterThanOrEqual(1);
      expect(moved(service, 'interscambio_relay_publish_duration_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(metricValue(after[service], 'interscambio_outbox_pending')).toBeGreaterThanOrEqual(0);
      expect(metricValue(after[service], 'interscambio_outbox_oldest_pending_seconds')).toBeGreaterThanOrEqual(0);
      expect(metricValue(after[service], 'interscambio_dependency_up', { dependency: 'kafka' })).toBe(1);
      expect(metricValue(after[service], 'interscambio_degraded')).toBe(0);
    }
    // Read from Kafka's offsets; the group has handled everything it was sent.
    expect(
      await eventually(async () => {
        const lag = metricValue(await scrape(tributi, 'tributi'), 'interscambio_consumer_lag', {
          group,
          topic: topics.pratica,
        });
        return lag === 0 ? lag : undefined;
      }),
    ).toBe(0);
    // Never the URL: the key of a record may be personal data.
    expect(after.edilizia).not.toContain('CILA-9001');
    expect(output).not.toContain('CILA-9001');
  });
});
