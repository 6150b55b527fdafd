import { listenConfig, optional } from '@interscambio/config';
import type { Env, ListenConfig } from '@interscambio/config';

const PORTAL_DEFAULT_PORT = 3400;
/** The portal answers under /docs, behind the gateway as on its own port. */
export const PORTAL_BASE_PATH = '/docs';

export interface PortalConfig extends ListenConfig {
  /** The record schemas; the repository's when unset. */
  schemasDir?: string;
  /** The brokers the event documents name (optional: the portal itself never connects to Kafka). */
  kafkaBrokers: string[];
  topicPrefix: string;
}

/** Reads and checks the whole configuration at once, so start-up stops naming a bad variable. */
export function loadPortalConfig(env: Env): PortalConfig {
  const brokers = optional(
    env,
    'KAFKA_BROKERS',
    /^[^\s:,]+:\d{1,5}(,\s*[^\s:,]+:\d{1,5})*$/,
    'a comma-separated list of host:port',
  );
  return {
    ...listenConfig(env, PORTAL_DEFAULT_PORT),
    schemasDir: optional(env, 'SCHEMAS_DIR', /^\S+$/, 'a directory'),
    kafkaBrokers: brokers ? brokers.split(',').map((b) => b.trim()) : [],
    topicPrefix:
      optional(env, 'KAFKA_TOPIC_PREFIX', /^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, `_` or `-`') ?? 'interscambio',
  };
}
