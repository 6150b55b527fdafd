import type { RecordFilter } from './record-filter';

type SubscriptionStatus = 'active' | 'paused' | 'failing' | 'expired';

export interface SubscriptionRow {
  id: string;
  ente: string;
  client_id: string;
  types: string[];
  publishers: string[] | null;
  filter: RecordFilter | null;
  triggers: string[];
  callback_url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  expires_at: Date | null;
  paused: boolean;
  paused_reason: string | null;
  consecutive_failures: number;
  sent: string;
  failed: string;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_failure_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A subscription as its owner sees it: never its signing secret. */
export interface SubscriptionView {
  id: string;
  ente: string;
  types: string[];
  publishers: string[] | null;
  filter: RecordFilter | null;
  triggers: string[];
  callbackUrl: string;
  expiresAt: string | null;
  status: SubscriptionStatus;
  pausedReason: string | null;
  counters: {
    sent: number;
    failed: number;
    consecutiveFailures: number;
    lastSuccessAt: string | null;
    lastFailureAt: string | null;
    lastFailureReason: string | null;
  };
  createdAt: string;
  updatedAt: string;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

function statusOf(row: SubscriptionRow, now = new Date()): SubscriptionStatus {
  if (row.expires_at && row.expires_at <= now) return 'expired';
  if (row.paused) return 'paused';
  return row.consecutive_failures > 0 ? 'failing' : 'active';
}

export function subscriptionView(row: SubscriptionRow): SubscriptionView {
  return {
    id: row.id,
    ente: row.ente,
    types: row.types,
    publishers: row.publishers,
    filter: row.filter,
    triggers: row.triggers,
    callbackUrl: row.callback_url,
    expiresAt: iso(row.expires_at),
    status: statusOf(row),
    pausedReason: row.paused_reason,
    counters: {
      sent: Number(row.sent),
      failed: Number(row.failed),
      consecutiveFailures: row.consecutive_failures,
      lastSuccessAt: iso(row.last_success_at),
      lastFailureAt: iso(row.last_failure_at),
      lastFailureReason: row.last_failure_reason,
    },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
