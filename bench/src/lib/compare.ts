/** One timed round of one side: returns a rate (units per second). */
type Round = () => Promise<number> | number;

export interface CompareOptions {
  ours: Round;
  bare: Round;
  rounds: number;
  /** Untimed rounds of each side first: JIT, connections, caches. */
  warmups?: number;
}

export interface Samples {
  ours: number[];
  bare: number[];
}

/**
 * Rounds alternate sides and swap who goes first each time, so drift of the machine (another
 * process, PostgreSQL checkpoints, broker log rolls) falls on both sides alike.
 */
export async function compare(options: CompareOptions): Promise<Samples> {
  for (let i = 0; i < (options.warmups ?? 1); i++) {
    await options.ours();
    await options.bare();
  }
  const samples: Samples = { ours: [], bare: [] };
  for (let i = 0; i < options.rounds; i++) {
    const order: (keyof Samples)[] = i % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
    for (const side of order) samples[side].push(await options[side]());
  }
  return samples;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Calls `op` in slices of `slice` until `ms` have passed; ops per second. */
export function syncRate(op: (i: number) => unknown, ms: number, slice = 1000): number {
  let ops = 0;
  let keep = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < slice; i++) if (op(ops + i)) keep++;
    ops += slice;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  // Read `keep` so the calls cannot be optimised away.
  if (keep < 0) throw new Error('unreachable');
  return ops / (elapsed / 1000);
}

/** `workers` loops each awaiting `op` until `ms` have passed; completed ops per second. */
export async function asyncRate(op: (i: number) => Promise<unknown>, ms: number, workers: number): Promise<number> {
  let next = 0;
  const start = performance.now();
  const deadline = start + ms;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline) await op(next++);
  };
  await Promise.all(Array.from({ length: workers }, loop));
  return next / ((performance.now() - start) / 1000);
}

/** The nearest-rank percentile `p` (0–100) of `values`. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
