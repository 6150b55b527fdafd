import { ConfigError, optionalPairs } from '@interscambio/config';
import type { Env } from '@interscambio/config';

export interface HistoryConfig {
  /** Days of history kept per record type (`*`: every other type); absent: all of it. */
  historyRetentionDays: Record<string, number>;
}

/** HISTORY_RETENTION_DAYS: `<type>=<days>` pairs separated by commas, e.g. `prestazione=1825,*=3650`. */
export function historyConfig(env: Env): HistoryConfig {
  const pairs = optionalPairs(env, 'HISTORY_RETENTION_DAYS', ['type', /[a-z0-9*-]+/], ['days', /\d{1,6}/]);
  const historyRetentionDays: Record<string, number> = {};
  for (const [type, days] of pairs) {
    if (Number(days) < 1) throw new ConfigError('HISTORY_RETENTION_DAYS', 'must keep at least one day of each type');
    historyRetentionDays[type] = Number(days);
  }
  return { historyRetentionDays };
}

/** The oldest instant of `type`'s history still shown, or null when all of it is kept. */
export function historyHorizon(config: HistoryConfig, type: string, now = new Date()): Date | null {
  const days = config.historyRetentionDays[type] ?? config.historyRetentionDays['*'];
  return days === undefined ? null : new Date(now.getTime() - days * 86_400_000);
}
