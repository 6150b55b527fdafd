import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Delivery } from './delivery';

/** A scenario's figures by label, in the order they are to be shown. */
export type Figures = Record<string, string | number>;

/**
 * Leaves the scenario's figures for `npm run test:chaos`, which prints them as one table (the
 * runner sets INTERSCAMBIO_CHAOS_RESULTS); under `npm test` there is nobody to hand them to.
 */
export function recordFigures(scenario: string, figures: Figures): void {
  const dir = resultsDir();
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${scenario}.json`), `${JSON.stringify({ scenario, ...figures }, null, 2)}\n`);
}

/** Where `npm run test:chaos` collects figures and logs; undefined under `npm test`. */
export function resultsDir(): string | undefined {
  return process.env['INTERSCAMBIO_CHAOS_RESULTS'];
}

/** 12345 as `12,345`, the way the docs write numbers. */
export function thousands(n: number): string {
  return n.toLocaleString('en-US');
}

/** The rows every scenario reports about where its records went. */
export function deliveryFigures(d: Delivery, refusals: string): Figures {
  return {
    'records acknowledged (2xx)': thousands(d.acknowledged),
    'found in the database': thousands(d.inDatabase),
    'found on the topic': thousands(d.onTopic),
    'found in the feed': thousands(d.inFeed),
    lost: d.lost,
    'messages on the topic': thousands(d.events),
    'duplicates (same ce_id)': thousands(d.duplicates),
    'revisions under two ce_ids': d.revisionsUnderTwoIds,
    'keys out of order': d.outOfOrder,
    'left in the outbox': d.pending,
    'writes refused meanwhile': refusals,
  };
}
