import { secondsSince } from './elapsed';
import type { OwnStack } from './own-stack';
import type { Scenario } from './scenario';
import { scenarioOnOwnStack, STEADY_LOAD } from './scenario-fixture';
import type { ThemeProcess } from './theme-process';

export interface StackOutage<T> {
  /** The describe block's title: what is done to the stack. */
  fault: string;
  /** The test's title: what the service does about it. */
  expected: string;
  /** Takes a part of the stack down. */
  inject(stack: OwnStack): Promise<void>;
  /** What the test watches (and makes happen) while that part is down. */
  meanwhile(s: Scenario, service: ThemeProcess): Promise<T>;
  /** What the test checks and records once the stack was restarted. */
  recovery(outage: Outage<T>): Promise<void>;
}

interface Outage<T> {
  s: Scenario;
  stack: OwnStack;
  service: ThemeProcess;
  /** What `meanwhile` returned. */
  seen: T;
  /** Seconds from the fault to the stack's restart (the restart included). */
  downFor: number;
  /** When the restarted stack answered (a performance.now() reading), to time the recovery from. */
  backAt: number;
}

/**
 * A scenario on a stack of its own: the service started under the steady PUT load, a part of the
 * stack taken down, watched while down, the stack restarted, and the recovery checked.
 */
export function describeStackOutage<T>(name: string, outage: StackOutage<T>): void {
  describe(outage.fault, () => {
    const scenario = scenarioOnOwnStack(name);

    it(outage.expected, async () => {
      const { s, stack } = scenario();
      const service = await s.startUnderLoad(STEADY_LOAD);
      const faultAt = performance.now();
      await outage.inject(stack);
      const seen = await outage.meanwhile(s, service);
      await stack.restart();
      const backAt = performance.now();
      await outage.recovery({ s, stack, service, seen, downFor: secondsSince(faultAt), backAt });
    });
  });
}
