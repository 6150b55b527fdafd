import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { agreementReachesService } from './lib/agreements';
import { expectEveryRecordDelivered } from './lib/expect-delivery';
import { deliveryFigures, recordFigures, thousands } from './lib/figures';
import { ReplicaSet } from './lib/replica-set';
import { deleteTopics } from './lib/topic-reader';

// Three replicas of tributi on one schema and one topic prefix behind a round-robin balancer, on
// the shared devstack; one of them is killed (SIGKILL) in the middle of a PUT load.
describe('three replicas of the tributi service, one killed under load', () => {
  let db: TestDatabase;
  let set: ReplicaSet;
  const topicPrefix = uniqueName('replicas-ci');
  const brokers = testKafkaBrokers().join(',');

  beforeAll(async () => {
    db = await testDatabase('chaos_replicas');
    set = await ReplicaSet.start({ databaseUrl: db.url, kafkaBrokers: brokers, schema: db.schema, topicPrefix }, 3);
  }, 180_000);

  afterAll(async () => {
    try {
      await set?.close();
      await deleteTopics(brokers, topicPrefix);
    } finally {
      await db?.drop();
    }
  });

  it('shares the load, rebalances the consumer group, and stores and publishes every acknowledged record once', async () => {
    await set.groupHasMembers(3, 'each replica to join the agreements consumer group');
    set.load.start(set.balancer.origin, { writers: 6, keysPerWriter: 25, pauseMs: 5 });
    const loadStarted = performance.now();
    await set.load.acknowledgedMore(300, '300 writes acknowledged by the three replicas');
    const threeReplicasSeconds = (performance.now() - loadStarted) / 1000;
    const [killed, ...survivors] = set.replicas;
    await killed?.kill();
    await set.load.acknowledgedMore(300, '300 more writes acknowledged after one replica was killed');
    await set.groupHasMembers(2, 'the consumer group to rebalance onto the two survivors');
    // The survivors consume what the registry publishes now, whichever partition it lands on.
    for (let i = 0; i < 3; i++) await agreementReachesService(brokers, topicPrefix, set.outbox.sql, db.schema);
    await set.load.stop();

    // Every replica answered its share of the load; the survivors kept answering.
    for (const r of set.replicas) expect(set.balancer.served.get(r.origin) ?? 0).toBeGreaterThan(50);
    expect(survivors.every((r) => r.running)).toBe(true);

    const delivery = await set.delivery();
    recordFigures('replicas', {
      ...deliveryFigures(delivery, set.load.acks.refusals()),
      'requests answered per replica': set.replicas
        .map((r) => thousands(set.balancer.served.get(r.origin) ?? 0))
        .join(' / '),
      'first 300 writes, 3 replicas, 6 paced writers (s)': threeReplicasSeconds.toFixed(1),
    });
    expectEveryRecordDelivered(delivery);
    // Outbox rows are claimed by one relay at a time: a repeat is at most the one batch the killed
    // leader had on Kafka and not yet marked sent, under the ids it had.
    expect(delivery.duplicates).toBeLessThanOrEqual(1000);
  }, 300_000);
});
