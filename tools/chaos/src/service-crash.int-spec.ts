import { expectEveryRecordDelivered } from './lib/expect-delivery';
import { scenarioOnDevstack } from './lib/scenario-fixture';
import { crashServiceMidRelay } from './lib/service-crash';

// The short fault scenario `npm test` runs: the real tributi service on the shared devstack, in a
// schema and under a topic prefix of its own, killed while its relay publishes a backlog.
describe('the tributi service killed (SIGKILL) while its relay publishes a backlog, then restarted', () => {
  const scenario = scenarioOnDevstack('service-crash-ci', 'chaos_ci');

  it('loses no acknowledged record, repeats the unmarked batch under the same ids, in order, and drains', async () => {
    const { s } = scenario();
    const outcome = await crashServiceMidRelay(s, { batchesPerEnte: 2, heldRow: 2500 });

    // Killed mid-relay: batches before the held row marked sent, the held row's on Kafka but not marked.
    const { sent, pending } = outcome.atKill;
    expect([sent > 0, pending > 0, sent + pending]).toEqual([true, true, 4000]);
    expect(outcome.orphanedRelays).toBe(1);
    expect(outcome.writeAfter).toBe(201);
    // The batch waiting to be marked went out again after the restart, under the ids it had.
    expect(outcome.delivery.duplicates > 0 && outcome.delivery.duplicates <= pending).toBe(true);
    expect([outcome.delivery.acknowledged, outcome.delivery.changes]).toEqual([4001, 4001]);
    expectEveryRecordDelivered(outcome.delivery);
  });
});
