import type { Delivery } from './delivery';
import { secondsSince } from './elapsed';
import type { Scenario } from './scenario';
import { ENTI, writeBatch } from './write-load';

export interface ServiceCrashOptions {
  /** Batches of 1,000 records each ente writes while the relay is held back: the backlog. */
  batchesPerEnte: number;
  /** The pending row (in the relay's order) whose batch is on Kafka and not marked when the service dies. */
  heldRow: number;
  /** A steady PUT load through the whole scenario, the crash included. */
  load?: { writers: number; keysPerWriter: number; pauseMs: number };
}

export interface ServiceCrashOutcome {
  /** The outbox when the service was killed: some rows sent, some not. */
  atKill: { sent: number; pending: number };
  /** Relay sessions the dead service left waiting on a lock, ended by the scenario. */
  orphanedRelays: number;
  /** Seconds from the restart to /health/ready 200, and until the rows written before it were sent. */
  readyAfter: number;
  drainedAfter: number;
  /** Status of a PUT to the restarted service. */
  writeAfter: number;
  delivery: Delivery;
}

/**
 * SIGKILL of the service while its relay publishes a backlog, at the point that matters: a batch
 * acknowledged by Kafka and not yet marked sent. The backlog builds while the scenario holds the
 * relay's leadership lock; a lock on one row of it then stops the relay right after it published
 * that row's batch, and the service dies there. The scenario restarts it, as `npm start` would.
 */
export async function crashServiceMidRelay(s: Scenario, options: ServiceCrashOptions): Promise<ServiceCrashOutcome> {
  const releaseLeadership = await s.outbox.holdLeadership();
  let releaseRow: (() => Promise<void>) | undefined;
  try {
    await s.startService();
    if (options.load) s.startLoad(options.load);
    for (const ente of ENTI) {
      for (let b = 0; b < options.batchesPerEnte; b++)
        await writeBatch(s.service.origin, s.clients, s.acks, ente, `batch-${b}`, 1000);
    }
    releaseRow = await s.outbox.holdRow(options.heldRow);
    await releaseLeadership();
    await s.outbox.relayWaitsOnRow();
    const atKill = await s.outbox.counts();
    await s.service.kill();
    const orphanedRelays = await s.outbox.endOrphanedRelay();
    await releaseRow();
    releaseRow = undefined;

    const seq = await s.outbox.lastSeq();
    const restartedAt = performance.now();
    await s.startService();
    const readyAfter = secondsSince(restartedAt);
    const writeAfter = await s.writeOnce('after-restart');
    const drainedAfter = await s.outbox.drained(seq, restartedAt, 120_000);
    if (options.load) await s.acknowledgedMore(500, '500 more writes after the restart');
    await s.stopLoad();
    return { atKill, orphanedRelays, readyAfter, drainedAfter, writeAfter, delivery: await s.delivery() };
  } finally {
    await releaseRow?.();
    await releaseLeadership();
  }
}
