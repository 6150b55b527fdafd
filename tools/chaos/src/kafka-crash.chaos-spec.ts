import { agreementReachesService } from './lib/agreements';
import { expectEveryRecordDelivered } from './lib/expect-delivery';
import { deliveryFigures, recordFigures, thousands } from './lib/figures';
import { STEADY_LOAD_FIGURE } from './lib/scenario-fixture';
import { eventually } from '@interscambio/testing';
import { secondsSince } from './lib/elapsed';
import { describeStackOutage } from './lib/stack-outage';

const NAME = '1-kafka-crash';
const DOWN_FOR_WRITES = 15_000;

describeStackOutage(NAME, {
  fault: 'the Kafka broker killed (SIGKILL) under a steady PUT load, then restarted',
  expected: 'accepts every write meanwhile, reports the backlog, reconnects by itself and publishes every record once',
  inject: (stack) => stack.killKafka(),

  async meanwhile(s, service) {
    const down = await eventually(
      async () => {
        const { code, body } = await service.status();
        const outbox = body['outbox'] as { pending: number; oldestSeconds: number | null };
        return code === 200 && body['status'] === 'degraded' && outbox.pending > 0 && { body, outbox };
      },
      { timeoutMs: 60_000, what: '/status to report degraded with a backlog' },
    );
    expect(down.body).toMatchObject({ checks: { postgres: { status: 'up' }, kafka: { status: 'down' } } });
    // About a minute at this load: longer than the Kafka client's own retries of one request.
    await s.acknowledgedMore(DOWN_FOR_WRITES, `${thousands(DOWN_FOR_WRITES)} writes while Kafka is down`);
    // What /status says at the end of the outage, just before the broker comes back.
    const before = (await service.status()).body;
    expect(before['status']).toBe('degraded');
    return before['outbox'] as { pending: number; oldestSeconds: number };
  },

  async recovery({ s, stack, service, seen: backlog, downFor, backAt }) {
    const seq = await s.outbox.lastSeq();
    await eventually(async () => (await service.status()).body['status'] === 'up', {
      timeoutMs: 120_000,
      what: '/status to report up again',
    });
    const upAfter = secondsSince(backAt);
    const drainedAfter = await s.outbox.drained(seq, backAt, 180_000);
    const agreementAfter = await agreementReachesService(
      stack.kafkaBrokers,
      s.infrastructure.topicPrefix,
      s.outbox.sql,
      s.infrastructure.schema,
    );
    await s.acknowledgedMore(1000, '1,000 writes after the broker came back');
    await s.stopLoad();

    // The process lived through it: no restart, and not one write refused for Kafka's sake.
    expect(service.running).toBe(true);
    expect(await service.answers('health/ready')).toBe(200);
    expect(s.acks.refusals()).toBe('none');
    const delivery = await s.delivery();
    expectEveryRecordDelivered(delivery);

    recordFigures(NAME, {
      'fault injected': 'SIGKILL of the Kafka broker, then a restart (same data dir)',
      load: STEADY_LOAD_FIGURE,
      ...deliveryFigures(delivery, s.acks.refusals()),
      'outage reported': `/status 200 degraded (kafka down), outbox ${thousands(backlog.pending)} pending, oldest ${backlog.oldestSeconds} s, before the restart`,
      'outage lasted (s)': `${downFor} (the broker's restart included)`,
      'recovered in (s)': `${upAfter} (/status up after the broker answered)`,
      'backlog drained in (s)': drainedAfter,
      'consumers back': `an agreement published after the restart stored in ${agreementAfter} s`,
    });
  },
});
