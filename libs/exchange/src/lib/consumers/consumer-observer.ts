import { consumerLag, eventCorrelationId, eventTraceparent } from '@interscambio/messaging';
import type { MessageBus, SettledMessage } from '@interscambio/messaging';
import { traceIdOf } from '@interscambio/observability';
import type { Observability } from '@interscambio/observability';

// Lag is read from Kafka at most this often, and a scrape waits for it at most this long: a
// scrape every few seconds must not become an admin request each, nor hang while Kafka is down
// (one read at a time: while one retries, scrapes show the last values).
const LAG_TTL_MS = 10_000;
const LAG_WAIT_MS = 1_500;

/** Each settled message: its handling time, a dead letter by topic, and one log line with its trace. */
export function settledObserver(observability: Observability): (settled: SettledMessage) => void {
  const { metrics, logger } = observability;
  const handling = metrics.histogram(
    'interscambio_consumer_handling_duration_seconds',
    'Time a consumer group took to handle one event (retries included), by outcome',
    ['group', 'outcome'],
  );
  const deadLetters = metrics.counter(
    'interscambio_dead_letters_total',
    'Messages sent to <topic>.dlq, by original topic and consumer group',
    ['topic', 'group'],
  );
  return ({ groupId, message, event, outcome, attempts, seconds }) => {
    handling.observe({ group: groupId, outcome }, seconds);
    if (outcome === 'dead-letter') deadLetters.inc({ topic: message.topic, group: groupId });
    const line = {
      group: groupId,
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      eventId: event?.id,
      correlationId: event && eventCorrelationId(event),
      traceId: event ? traceIdOf(eventTraceparent(event)) : undefined,
      outcome,
      attempts,
      ms: Math.round(seconds * 10_000) / 10,
    };
    if (outcome === 'dead-letter') logger.warn(line, 'event to the dead letters');
    else logger.info(line, 'event');
  };
}

/** The lag of each group, on scrape, from Kafka's admin offsets; the last values while Kafka does not answer. */
export function collectConsumerLag(
  observability: Observability,
  bus: MessageBus,
  groups: () => readonly { groupId: string; topics: string[] }[],
): void {
  const lag = observability.metrics.gauge(
    'interscambio_consumer_lag',
    'Messages not yet committed by a consumer group, by topic (end offsets minus committed offsets)',
    ['group', 'topic'],
  );
  let readAt = 0;
  let reading: Promise<void> | undefined;
  const read = async (): Promise<void> => {
    const running = groups();
    if (running.length === 0) return;
    const admin = await bus.admin();
    try {
      for (const { groupId, topics } of running)
        for (const [topic, behind] of await consumerLag(admin, groupId, topics))
          lag.set({ group: groupId, topic }, behind);
      readAt = Date.now();
    } finally {
      await admin.close();
    }
  };
  observability.metrics.onScrape(async () => {
    if (Date.now() - readAt < LAG_TTL_MS) return;
    reading ??= read().finally(() => (reading = undefined));
    await Promise.race([
      reading.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, LAG_WAIT_MS).unref()),
    ]);
  });
}
