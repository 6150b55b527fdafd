import type { CloudEvent } from '@interscambio/messaging';
import { parseAgreementState } from '../agreements/agreement.contract';
import { parseRevocationState } from '../revocations/revocation.contract';
import { AGREEMENTS_TOPIC_CONFIG, agreementsTopic, REVOCATIONS_TOPIC_CONFIG, revocationsTopic } from './registry-state';

/** A statement for a service's SQL client. */
interface Statement {
  sql: string;
  values: unknown[];
}

/** Runs a statement on the service's SQL client (pg's pool, or MikroORM's EntityManager). */
type Execute = (sql: string, values: unknown[]) => Promise<unknown>;

/** How a service keeps a table of its own in step with one of the registry's state topics. */
export interface StateProjection {
  /** `agreements` or `revocations`: names the consumer group. */
  name: string;
  topic: string;
  topicConfig: Readonly<Record<string, string>>;
  /** Applies one event of the topic to the table. */
  project(event: CloudEvent, execute: Execute): Promise<void>;
}

/** Where a service keeps the items of a state topic: its table, and its SQL client's parameters (`$1` or `?`). */
export interface StateTable {
  name: string;
  placeholders: '$n' | '?';
}

/** The columns of an item's key, and the topic's key of the item computed from them in SQL. */
interface StateKey {
  columns: string[];
  sql: string;
}

const AGREEMENT_KEY: StateKey = { columns: ['id'], sql: 'id' };
const REVOCATION_KEY: StateKey = { columns: ['kind', 'subject'], sql: `kind || ':' || subject` };

/**
 * The agreements into a table of every theme's, or, given `theme`, of that theme's alone (a theme
 * service's table, which has no theme column).
 */
export function agreementsProjection(topicPrefix: string, table: StateTable, theme?: string): StateProjection {
  return projection('agreements', agreementsTopic(topicPrefix), AGREEMENTS_TOPIC_CONFIG, (event) =>
    agreementStatement(event, table, theme),
  );
}

export function revocationsProjection(topicPrefix: string, table: StateTable): StateProjection {
  return projection('revocations', revocationsTopic(topicPrefix), REVOCATIONS_TOPIC_CONFIG, (event) =>
    revocationStatement(event, table),
  );
}

function projection(
  name: string,
  topic: string,
  topicConfig: Readonly<Record<string, string>>,
  statementOf: (event: CloudEvent) => Statement | undefined,
): StateProjection {
  return {
    name,
    topic,
    topicConfig,
    project: async (event, execute) => {
      const statement = statementOf(event);
      if (statement) await execute(statement.sql, statement.values);
    },
  };
}

/** What an agreement event does to a table of agreements; nothing for another theme's, given `theme`. */
function agreementStatement(event: CloudEvent, table: StateTable, theme?: string): Statement | undefined {
  if (event.data === null) return deletion(table, AGREEMENT_KEY, event.key);
  const a = parseAgreementState(event.data);
  if (theme !== undefined && a.theme !== theme) return undefined;
  const row = {
    id: a.id,
    consumer: a.consumer,
    scope: a.scope,
    publisher: a.publisher,
    ...(theme === undefined ? { theme: a.theme } : {}),
    type: a.type,
    purpose: a.purpose,
    fields: a.fields ? JSON.stringify(a.fields) : null,
    status: a.status,
    version: a.version,
    changed_at: a.changedAt,
  };
  return upsert(table, AGREEMENT_KEY, row, ['fields']);
}

/** What a revocation event does to a table of revocations. */
function revocationStatement(event: CloudEvent, table: StateTable): Statement {
  if (event.data === null) return deletion(table, REVOCATION_KEY, event.key);
  const r = parseRevocationState(event.data);
  return upsert(table, REVOCATION_KEY, {
    kind: r.kind,
    subject: r.subject,
    client_id: r.clientId,
    revoked: r.revoked,
    since: r.since,
    version: r.version,
  });
}

/** A tombstone (an event with null data) deletes its item. */
function deletion(table: StateTable, key: StateKey, eventKey: string | null): Statement {
  return { sql: `delete from ${table.name} where ${key.sql} = ${parameter(table, 1)}`, values: [eventKey] };
}

/**
 * A state writes its item's row unless the row holds an equal or newer version;
 * a redelivered or older event changes nothing.
 */
function upsert(table: StateTable, key: StateKey, row: Record<string, unknown>, jsonb: string[] = []): Statement {
  const columns = Object.keys(row);
  const values = columns.map((c, i) => parameter(table, i + 1) + (jsonb.includes(c) ? '::jsonb' : ''));
  const updates = columns.filter((c) => !key.columns.includes(c)).map((c) => `${c} = excluded.${c}`);
  return {
    sql:
      `insert into ${table.name} as t (${columns.join(', ')}) values (${values.join(', ')}) ` +
      `on conflict (${key.columns.join(', ')}) do update set ${updates.join(', ')} where t.version < excluded.version`,
    values: Object.values(row),
  };
}

function parameter(table: StateTable, n: number): string {
  return table.placeholders === '?' ? '?' : `$${n}`;
}
