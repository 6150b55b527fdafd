import { accessConfig } from '@interscambio/access';
import type { AccessConfig } from '@interscambio/access';
import { apiServiceConfig, ConfigError, databaseConfig, integer, optional } from '@interscambio/config';
import type { ApiServiceConfig, DatabaseConfig, Env } from '@interscambio/config';

const NOTIFIER_DEFAULT_PORT = 3200;
const NOTIFIER_SCHEMA = 'notifier';

export interface DeliveryConfig {
  /** Callbacks may be http:// and on private, loopback or link-local addresses (a test or a laptop only). */
  sandbox: boolean;
  /** First retry delay; each next one doubles, up to retryMaxDelayMs, with ±25 % jitter. */
  retryBaseMs: number;
  retryMaxDelayMs: number;
  /** How long a delivery is retried before it becomes a dead letter (at least 24 h outside tests). */
  retryWindowMs: number;
  /** Consecutive failed attempts after which a subscription pauses itself. */
  pauseAfterFailures: number;
  /** How long one POST may take before it counts as failed. */
  requestTimeoutMs: number;
  /** POSTs in flight at once, and to one subscription at once. */
  concurrency: number;
  perSubscription: number;
  /** How often the dispatcher looks for due deliveries when nothing woke it. */
  pollMs: number;
  /**
   * Record-topic partitions the consumer fans out at once (each still in order): one at a time
   * kept up with about 100 events a second, below the 200 a second.
   */
  consumerPartitions: number;
  /** Grace period of a rotated signing secret unless the rotation names one. */
  secretGraceSeconds: number;
}

/** The sandbox's key for the signing secrets at rest: `npm start` and tests only, never outside the sandbox. */
const SANDBOX_SECRET_KEY = 'interscambio-notifier-sandbox-only-not-a-secret';

export interface NotifierConfig extends ApiServiceConfig, AccessConfig, DeliveryConfig {
  /** Encrypts the subscriptions' signing secrets at rest (at least 32 characters; a fixed one in the sandbox). */
  secretKey: string;
  /** The record schemas (their themes and types are the topics consumed); the repository's when unset. */
  schemasDir?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Reads and checks the whole configuration at once, so start-up stops before anything connects. */
export function loadNotifierConfig(env: Env): NotifierConfig {
  return {
    ...apiServiceConfig(env, { schema: NOTIFIER_SCHEMA, port: NOTIFIER_DEFAULT_PORT }),
    ...accessConfig(env),
    ...deliveryConfig(env),
    secretKey: secretKeyConfig(env),
    schemasDir: optional(env, 'SCHEMAS_DIR', /^\S+$/, 'a directory'),
  };
}

function deliveryConfig(env: Env): DeliveryConfig {
  const sandbox = optional(env, 'NOTIFIER_SANDBOX', /^(on|off)$/, 'on or off') === 'on';
  const retryWindowMs = integer(env, 'NOTIFIER_RETRY_WINDOW_MS', DAY_MS, 1000, 30 * DAY_MS);
  // Tests shorten the window; a deployment must keep retrying for a day (the promise to receivers).
  if (!sandbox && retryWindowMs < DAY_MS)
    throw new ConfigError('NOTIFIER_RETRY_WINDOW_MS', 'must be at least 86400000 (24 h) outside the sandbox');
  return {
    sandbox,
    retryBaseMs: integer(env, 'NOTIFIER_RETRY_BASE_MS', 5000, 10, 3_600_000),
    retryMaxDelayMs: integer(env, 'NOTIFIER_RETRY_MAX_DELAY_MS', 3_600_000, 10, DAY_MS),
    retryWindowMs,
    pauseAfterFailures: integer(env, 'NOTIFIER_PAUSE_AFTER_FAILURES', 100, 1, 1_000_000),
    requestTimeoutMs: integer(env, 'NOTIFIER_REQUEST_TIMEOUT_MS', 10_000, 100, 120_000),
    concurrency: integer(env, 'NOTIFIER_CONCURRENCY', 64, 1, 1000),
    // With 4, one subscription fell behind 200 records/s on a loaded machine (bench: queued →
    // delivered p50 2.6 s): each POST waits for its claim and its mark. Each is still its record's head.
    perSubscription: integer(env, 'NOTIFIER_PER_SUBSCRIPTION', 16, 1, 100),
    pollMs: integer(env, 'NOTIFIER_POLL_MS', 500, 10, 60_000),
    consumerPartitions: integer(env, 'NOTIFIER_CONSUMER_PARTITIONS', 4, 1, 64),
    secretGraceSeconds: integer(env, 'NOTIFIER_SECRET_GRACE_SECONDS', 86_400, 0, 30 * 86_400),
  };
}

function secretKeyConfig(env: Env): string {
  const key = optional(env, 'NOTIFIER_SECRET_KEY', /^.{32,}$/, 'a secret of at least 32 characters');
  if (key) return key;
  if (optional(env, 'NOTIFIER_SANDBOX', /^(on|off)$/, 'on or off') === 'on') return SANDBOX_SECRET_KEY;
  throw new ConfigError('NOTIFIER_SECRET_KEY', 'must be set outside the sandbox (a secret of at least 32 characters)');
}

/** What the migrate command needs: it runs without Kafka and without the registry. */
export function loadNotifierDatabaseConfig(env: Env): DatabaseConfig {
  return databaseConfig(env, NOTIFIER_SCHEMA);
}
