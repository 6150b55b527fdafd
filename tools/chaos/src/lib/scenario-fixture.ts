import { testDatabase, testKafkaBrokers, uniqueName } from '@interscambio/testing';
import type { TestDatabase } from '@interscambio/testing';
import { OwnStack } from './own-stack';
import { Scenario } from './scenario';
import { deleteTopics } from './topic-reader';

/** The PUT load of the fault scenarios: steady, through the fault and after it. */
export const STEADY_LOAD = { writers: 6, keysPerWriter: 40, pauseMs: 20 };
/** STEADY_LOAD as the figures of a scenario describe it. */
export const STEADY_LOAD_FIGURE = `${STEADY_LOAD.writers} writers PUTting, ${STEADY_LOAD.pauseMs} ms pause`;

type Defer = (cleanUp: () => Promise<unknown>) => void;

/**
 * Registers in the calling describe a `setUp` before its tests and, after them, every clean-up it
 * deferred, the last first, each whatever the others did. The function returned gives the tests
 * what `setUp` made.
 */
function suiteFixture<T>(setUp: (defer: Defer) => Promise<T>, timeoutMs?: number): () => T {
  let made: T | undefined;
  const cleanUps: (() => Promise<unknown>)[] = [];
  beforeAll(async () => {
    made = await setUp((cleanUp) => cleanUps.unshift(cleanUp));
  }, timeoutMs);
  afterAll(async () => {
    const failures: unknown[] = [];
    for (const cleanUp of cleanUps) await cleanUp().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  });
  return () => {
    if (made === undefined) throw new Error('the scenario is used outside its describe’s tests');
    return made;
  };
}

/** A stack of its own (one the test may kill) and a scenario on it, for the calling describe's tests. */
export function scenarioOnOwnStack(name: string): () => { stack: OwnStack; s: Scenario } {
  return suiteFixture(async (defer) => {
    const stack = await OwnStack.start(name);
    defer(() => stack.remove());
    const s = await Scenario.prepare(name, stack.infrastructure());
    defer(() => s.close());
    return { stack, s };
  });
}

/** Building the service (tsc) takes a minute or more on a loaded machine: past the preset's timeout. */
const PREPARE_TIMEOUT_MS = 300_000;

/**
 * A scenario on the shared devstack, in a schema (`database`) and under a topic prefix of its own,
 * for the calling describe's tests.
 */
export function scenarioOnDevstack(name: string, database: string): () => { db: TestDatabase; s: Scenario } {
  return suiteFixture(async (defer) => {
    const db = await testDatabase(database);
    defer(() => db.drop());
    const kafkaBrokers = testKafkaBrokers().join(',');
    const topicPrefix = uniqueName(name);
    defer(() => deleteTopics(kafkaBrokers, topicPrefix));
    const s = await Scenario.prepare(name, { databaseUrl: db.url, kafkaBrokers, schema: db.schema, topicPrefix });
    defer(() => s.close());
    return { db, s };
  }, PREPARE_TIMEOUT_MS);
}
