import type { Pool } from 'pg';
import type { Clients } from './clients';
import { readWholeFeed } from './feed-reader';
import { readWholeTopic } from './topic-reader';
import type { TopicMessage } from './topic-reader';
import type { Acknowledgements } from './write-load';
import { ENTI, TYPE } from './write-load';

/** Where a scenario's records went: counted one by one, never sampled. */
export interface Delivery {
  /** Revisions the service acknowledged with a 2xx. */
  acknowledged: number;
  inDatabase: number;
  onTopic: number;
  inFeed: number;
  /** Acknowledged revisions missing from the database, the topic or the feed. */
  lost: number;
  /** Every revision committed, acknowledged or not (an answer lost with a crash may still have committed). */
  changes: number;
  /** Messages on the topic, repeats included. */
  events: number;
  /** Messages repeating a CloudEvent id already on the topic: a re-send after a crash, dropped by consumers. */
  duplicates: number;
  /** Revisions published under two ids: a consumer could not tell the second one for a duplicate. */
  revisionsUnderTwoIds: number;
  /** Ids carrying two different revisions. */
  idsWithTwoRevisions: number;
  /** Keys whose revisions, repeats of an id dropped, do not rise from message to message. */
  outOfOrder: number;
  /** Outbox rows whose CloudEvent is not on the topic. */
  unpublished: number;
  /** Outbox rows not marked sent. */
  pending: number;
  /** Committed revisions the feed does not show, and those it shows twice. */
  missingFromFeed: number;
  repeatedInFeed: number;
}

export interface DeliverySources {
  acks: Acknowledgements;
  /** A pool on the service's database. */
  sql: Pool;
  schema: string;
  brokers: string;
  topic: string;
  origin: string;
  clients: Clients;
}

/** The changes as `<ente>/<key>@<revision>`, the topic's messages and the outbox rows, as read at the end. */
export interface DeliveryRecords {
  acknowledged: string[];
  committed: string[];
  messages: TopicMessage[];
  feed: string[];
  outbox: { id: string; pending: boolean }[];
}

export async function checkDelivery(sources: DeliverySources): Promise<Delivery> {
  const { acks, sql, schema, brokers, topic, origin, clients } = sources;
  const changes = await sql.query<{ change: string }>(
    `select ente || '/' || key || '@' || revision as change from "${schema}".record_change where type = $1`,
    [TYPE],
  );
  const outbox = await sql.query<{ id: string; pending: boolean }>(
    `select id::text as id, sent_at is null as pending from "${schema}".outbox where topic = $1`,
    [topic],
  );
  return countDelivery({
    acknowledged: acks.records.map((r) => `${r.ente}/${r.key}@${r.revision}`),
    committed: changes.rows.map((r) => r.change),
    messages: await readWholeTopic(brokers, topic),
    feed: (await Promise.all(ENTI.map((ente) => readWholeFeed(origin, clients, ente)))).flat(),
    outbox: outbox.rows,
  });
}

export function countDelivery(records: DeliveryRecords): Delivery {
  const { messages, feed, outbox } = records;
  const committed = new Set(records.committed);
  const published = new Set(messages.map((m) => `${m.key}@${m.revision}`));
  const inFeed = new Set(feed);
  const acknowledged = new Set(records.acknowledged);
  const count = (set: Set<string>, where: Set<string>): number => [...set].filter((c) => where.has(c)).length;
  const ids = new Set(messages.map((m) => m.ceId));
  return {
    acknowledged: acknowledged.size,
    inDatabase: count(acknowledged, committed),
    onTopic: count(acknowledged, published),
    inFeed: count(acknowledged, inFeed),
    lost: [...acknowledged].filter((c) => !committed.has(c) || !published.has(c) || !inFeed.has(c)).length,
    changes: committed.size,
    events: messages.length,
    duplicates: messages.length - ids.size,
    revisionsUnderTwoIds: severalPerKey(
      messages,
      (m) => `${m.key}@${m.revision}`,
      (m) => String(m.ceId),
    ),
    idsWithTwoRevisions: severalPerKey(
      messages,
      (m) => String(m.ceId),
      (m) => `${m.key}@${m.revision}`,
    ),
    outOfOrder: keysOutOfOrder(messages),
    unpublished: outbox.filter((r) => !ids.has(r.id)).length,
    pending: outbox.filter((r) => r.pending).length,
    missingFromFeed: [...committed].filter((c) => !inFeed.has(c)).length,
    repeatedInFeed: feed.length - inFeed.size,
  };
}

/** How many groups (by `group`) hold more than one distinct `value`. */
function severalPerKey(
  messages: TopicMessage[],
  group: (m: TopicMessage) => string,
  value: (m: TopicMessage) => string,
): number {
  const values = new Map<string, Set<string>>();
  for (const m of messages) {
    const seen = values.get(group(m)) ?? new Set<string>();
    seen.add(value(m));
    values.set(group(m), seen);
  }
  return [...values.values()].filter((v) => v.size > 1).length;
}

/**
 * What a consumer that drops repeated ids sees of each key (a key lives in one partition, which is
 * read in offset order): its revisions must only rise. A whole run sent again after a crash (1 2 3 1 2 3 4) is in order.
 */
function keysOutOfOrder(messages: TopicMessage[]): number {
  const byKey = new Map<string, { ids: Set<string | undefined>; last: number; ordered: boolean }>();
  for (const m of messages) {
    const state = byKey.get(String(m.key)) ?? { ids: new Set(), last: 0, ordered: true };
    byKey.set(String(m.key), state);
    if (state.ids.has(m.ceId)) continue;
    state.ids.add(m.ceId);
    if (m.revision <= state.last) state.ordered = false;
    state.last = Math.max(state.last, m.revision);
  }
  return [...byKey.values()].filter((s) => !s.ordered).length;
}
