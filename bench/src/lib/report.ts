import { median } from './compare';
import type { Samples } from './compare';
import { memorySnapshot, peakRssMb } from './memory';
import type { MemorySnapshot } from './memory';

/** One line of the results table, as a benchmark process prints it for bench/run.ts. */
export interface ScenarioResult {
  group: string;
  scenario: string;
  unit: string;
  ours: number;
  bare: number;
  samples: Samples;
  memory: { before: MemorySnapshot; after: MemorySnapshot; peakRssMb: number };
  note?: string;
}

const RESULT_PREFIX = 'BENCH_RESULT ';

/** Runs `measure` between two memory snapshots and prints the scenario's medians. */
export async function scenario(
  group: string,
  name: string,
  unit: string,
  measure: () => Promise<Samples>,
  note?: string | (() => string),
): Promise<ScenarioResult> {
  const before = memorySnapshot();
  const samples = await measure();
  const after = memorySnapshot();
  const result: ScenarioResult = {
    group,
    scenario: name,
    unit,
    ours: median(samples.ours),
    bare: median(samples.bare),
    samples,
    memory: { before, after, peakRssMb: peakRssMb() },
    note: typeof note === 'function' ? note() : note,
  };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
  return result;
}
