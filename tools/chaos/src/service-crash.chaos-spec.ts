import { expectEveryRecordDelivered } from './lib/expect-delivery';
import { deliveryFigures, recordFigures, thousands } from './lib/figures';
import { scenarioOnOwnStack, STEADY_LOAD, STEADY_LOAD_FIGURE } from './lib/scenario-fixture';
import { crashServiceMidRelay } from './lib/service-crash';

const NAME = '2-service-crash';
const BATCHES_PER_ENTE = 10;

describe('the tributi service killed (SIGKILL) mid-relay under a PUT load, then restarted', () => {
  const scenario = scenarioOnOwnStack(NAME);

  it('loses no acknowledged record, re-sends only the unmarked batch under the same ids, and drains', async () => {
    const { s } = scenario();
    const outcome = await crashServiceMidRelay(s, {
      batchesPerEnte: BATCHES_PER_ENTE,
      heldRow: 10_000,
      load: STEADY_LOAD,
    });

    const { sent, pending } = outcome.atKill;
    expect([sent > 0, pending > 0]).toEqual([true, true]);
    expect(outcome.orphanedRelays).toBe(1);
    expect(outcome.writeAfter).toBe(201);
    expect(outcome.delivery.duplicates > 0 && outcome.delivery.duplicates <= pending).toBe(true);
    // What went unanswered did so while no service listened, or as the kill cut it off: never a refusal.
    expect([...s.acks.refused.keys()].filter((reason) => /^\d+$/.test(reason))).toEqual([]);
    expectEveryRecordDelivered(outcome.delivery);

    recordFigures(NAME, {
      'fault injected': 'SIGKILL of the service with a batch on Kafka and not marked sent, then a restart',
      load: `${STEADY_LOAD_FIGURE}; ${thousands(2 * BATCHES_PER_ENTE * 1000)} records in batches while the relay was held back`,
      ...deliveryFigures(outcome.delivery, s.acks.refusals()),
      'outage reported': `outbox at the kill: ${thousands(sent)} sent, ${thousands(pending)} pending`,
      'recovered in (s)': `${outcome.readyAfter} (the restarted process ready)`,
      'backlog drained in (s)': outcome.drainedAfter,
    });
  });
});
