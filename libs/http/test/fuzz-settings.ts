import { randomInt } from 'node:crypto';
import type fc from 'fast-check';

/** The seed of `npm test`: the same cases on every run, so that a red build is a real change. */
const CI_SEED = 13;

export interface FuzzSettings extends Pick<fc.Parameters<unknown>, 'seed' | 'numRuns'> {
  seed: number;
  numRuns: number;
  /** A bound for the Jest test running these cases: generous, since a long fuzz run is not a slow one. */
  timeoutMs: number;
}

/**
 * How many cases a property runs and from which seed. `npm test` runs `ciRuns` from CI_SEED;
 * `FUZZ_RUNS` (× `share`, for properties that cost more per case) and `FUZZ_SEED` choose for
 * `npm run test:fuzz`, with a random seed when none is given — printed, to replay a failure.
 */
export function fuzzSettings(name: string, ciRuns: number, share = 1): FuzzSettings {
  const runs = Number(process.env['FUZZ_RUNS'] ?? 0);
  const fuzzing = Number.isInteger(runs) && runs > 0;
  const given = process.env['FUZZ_SEED'];
  const seed = given !== undefined ? Number(given) : fuzzing ? randomInt(2 ** 31) : CI_SEED;
  const numRuns = fuzzing ? Math.max(1, Math.ceil(runs * share)) : ciRuns;
  if (fuzzing || given !== undefined)
    process.stderr.write(
      `${name}: ${numRuns} cases from seed ${seed} (replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs || ciRuns})\n`,
    );
  return { seed, numRuns, timeoutMs: 120_000 + numRuns * 100 };
}
