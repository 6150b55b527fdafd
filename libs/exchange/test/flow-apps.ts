import type { MessageBus } from '@interscambio/messaging';
import { eventually } from '@interscambio/testing';
import { v7 as uuidv7 } from 'uuid';
import type { NestLevel } from '@interscambio/observability';
import type { ThemeOptions } from '../src/index';
import { startThemeTestApp } from './theme-test-app';
import type { ThemeTestApp } from './theme-test-app';

export type RunningTheme = ThemeTestApp;

/**
 * Starts a theme in-process on a database schema of its own, sharing `topicPrefix` with the other
 * themes of a flow test so that their events meet on the same topics.
 */
export function startFlowTheme(
  theme: ThemeOptions,
  name: string,
  topicPrefix: string,
  logLevels?: NestLevel[],
): Promise<RunningTheme> {
  return startThemeTestApp(theme, name, { KAFKA_TOPIC_PREFIX: topicPrefix }, logLevels);
}

/** Drops the topics of a flow test, once its themes have stopped (`afterAll` after their `forSuite`). */
export async function deleteFlowTopics(bus: MessageBus, topicPrefix: string): Promise<void> {
  const admin = await bus.admin();
  const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${topicPrefix}.`));
  if (mine.length > 0) await admin.deleteTopics(mine);
  await admin.close();
}

/** Resolves once `target` has handled event `eventId` (its consumer marks each in processed_event). */
async function handledBy(target: RunningTheme, eventId: string): Promise<void> {
  await eventually(async () => {
    const seen = await target.sql.query('select 1 from processed_event where event_id = $1', [eventId]);
    return seen.rowCount ? true : undefined;
  });
}

/** Resolves with the id of the latest event `source` published of `record` (`<ente>/<key>`), once `target` handled it. */
export async function latestEventHandled(source: RunningTheme, target: RunningTheme, record: string): Promise<string> {
  const { rows } = await source.sql.query<{ id: string }>(
    'select id from outbox where key = $1 order by seq desc limit 1',
    [record],
  );
  const id = (rows[0] as { id: string }).id;
  await handledBy(target, id);
  return id;
}

/**
 * Sends the event `source` published of `record` (`<ente>/<key>`) to its topic again, once with its
 * own id and once with a new one, as a redelivery and a replay would; resolves once `target` has
 * handled the copy with the new id (same key, same partition: by then the other as well).
 */
export async function publishAgain(source: RunningTheme, target: RunningTheme, bus: MessageBus, record: string) {
  const { rows } = await source.sql.query<{
    topic: string;
    key: string;
    headers: Record<string, string>;
    payload: string;
  }>('select topic, key, headers, payload::text as payload from outbox where key = $1', [record]);
  const original = rows[0] as (typeof rows)[0];
  const copyId = uuidv7();
  const producer = await bus.producer();
  await producer.send(original.topic, [
    { key: original.key, value: original.payload, headers: original.headers },
    { key: original.key, value: original.payload, headers: { ...original.headers, ce_id: copyId } },
  ]);
  await producer.close();
  await handledBy(target, copyId);
}
