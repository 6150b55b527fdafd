import { optionalPairs } from '@interscambio/config';
import type { Env } from '@interscambio/config';

/** CC BY 4.0: the licence of open data unless an ente chose another (Linee guida AgID). */
export const DEFAULT_LICENCE = 'https://creativecommons.org/licenses/by/4.0/';

export interface OpenDataConfig {
  /** The licence of each ente that chose one other than CC BY 4.0, by ISTAT code. */
  openDataLicences: Record<string, string>;
}

/** OPENDATA_LICENCES: `<ISTAT code>=<licence URI>` pairs separated by commas. */
export function openDataConfig(env: Env): OpenDataConfig {
  const pairs = optionalPairs(env, 'OPENDATA_LICENCES', ['ISTAT code', /\d{6}/], ['licence URI', /https?:\/\/[^\s,]+/]);
  return { openDataLicences: Object.fromEntries(pairs) };
}
