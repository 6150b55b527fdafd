import { parseArgs } from 'node:util';
import { UsageError } from '@interscambio/observability';

/** The `--<name> <value>` options of a command; an unknown or valueless option is a UsageError showing `usage`. */
export function commandOptions<N extends string>(
  args: string[],
  names: readonly N[],
  usage: string,
): { [K in N]?: string } {
  try {
    const options = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
    return parseArgs({ args, options }).values as { [K in N]?: string };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}
