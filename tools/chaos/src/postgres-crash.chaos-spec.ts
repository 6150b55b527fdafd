import { expectEveryRecordDelivered } from './lib/expect-delivery';
import { deliveryFigures, recordFigures } from './lib/figures';
import { STEADY_LOAD_FIGURE } from './lib/scenario-fixture';
import { eventually } from '@interscambio/testing';
import { secondsSince } from './lib/elapsed';
import { describeStackOutage } from './lib/stack-outage';

const NAME = '3-postgres-crash';

describeStackOutage(NAME, {
  fault: 'PostgreSQL crashed (immediate shutdown) under a steady PUT load, then restarted',
  expected: 'answers 503 and not ready meanwhile, keeps every acknowledged record, reconnects by itself and drains',
  inject: (stack) => stack.crashPostgres(),

  async meanwhile(s, service) {
    await eventually(async () => (await service.answers('health/ready')) === 503, {
      timeoutMs: 30_000,
      what: '/health/ready to answer 503',
    });
    const statusMeanwhile = await service.answers('status');
    // The load keeps knocking while the database is away.
    const refusedAt = s.acks.refusedCount;
    await eventually(async () => s.acks.refusedCount >= refusedAt + 1500, {
      timeoutMs: 60_000,
      what: '1,500 writes refused while PostgreSQL is down',
    });
    return statusMeanwhile;
  },

  async recovery({ s, service, seen: statusMeanwhile, downFor, backAt }) {
    await eventually(
      async () => (await service.answers('health/ready')) === 200 && [200, 201].includes(await s.writeOnce('after')),
      {
        timeoutMs: 120_000,
        what: 'ready again and a write acknowledged',
      },
    );
    const readyAfter = secondsSince(backAt);
    const seq = await s.outbox.lastSeq();
    const drainedAfter = await s.outbox.drained(seq, backAt, 120_000);
    await s.acknowledgedMore(1000, '1,000 writes after PostgreSQL came back');
    await s.stopLoad();

    expect(statusMeanwhile).toBe(503);
    // The process lived through it and refused writes only as 503 (problem+json), never with a 500.
    expect(service.running).toBe(true);
    expect([...s.acks.refused.keys()]).toEqual(['503']);
    const delivery = await s.delivery();
    expectEveryRecordDelivered(delivery);

    recordFigures(NAME, {
      'fault injected':
        'immediate shutdown of PostgreSQL (SIGQUIT to the postmaster, as pg_ctl -m immediate), then a restart',
      load: STEADY_LOAD_FIGURE,
      ...deliveryFigures(delivery, s.acks.refusals()),
      'outage reported': `/health/ready 503, /status ${statusMeanwhile}`,
      'outage lasted (s)': downFor,
      'recovered in (s)': `${readyAfter} (ready and a write acknowledged, after PostgreSQL answered)`,
      'backlog drained in (s)': drainedAfter,
    });
  },
});
