import { randomBytes } from 'node:crypto';
import { KafkajsBus } from '@interscambio/messaging';

/** One message of a record topic, as a consumer sees it: in offset order within its partition. */
export interface TopicMessage {
  partition: number;
  offset: string;
  key: string | null;
  ceId: string | undefined;
  revision: number;
}

/** Every message the topic holds now, up to each partition's end, read by a consumer group of its own. */
export async function readWholeTopic(brokers: string, topic: string): Promise<TopicMessage[]> {
  const name = `chaos-reader-${randomBytes(4).toString('hex')}`;
  const bus = new KafkajsBus(brokers.split(','), name, { silent: true });
  const admin = await bus.admin();
  const exists = (await admin.listTopics()).includes(topic);
  const offsets = exists ? await admin.topicOffsets(topic) : [];
  await admin.close();
  const last = new Map(
    offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high) - 1n]),
  );
  if (last.size === 0) return [];
  const consumer = await bus.consumer({ groupId: name, topics: [topic], fromBeginning: true });
  const messages: TopicMessage[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run(async (m) => {
      messages.push({
        partition: m.partition,
        offset: m.offset,
        key: m.key,
        ceId: m.headers['ce_id'],
        revision: Number(m.headers['ce_revision'] ?? m.headers['interscambio-revision']),
      });
      const end = last.get(m.partition);
      if (end !== undefined && BigInt(m.offset) >= end) last.delete(m.partition);
      if (last.size === 0) resolve();
    });
  });
  await consumer.close();
  return messages;
}

/** Deletes the topics whose names start with `prefix.`: a run on the shared broker leaves none behind. */
export async function deleteTopics(brokers: string, prefix: string): Promise<void> {
  const admin = await new KafkajsBus(brokers.split(','), `chaos-cleanup-${randomBytes(4).toString('hex')}`, {
    silent: true,
  }).admin();
  try {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
    if (mine.length > 0) await admin.deleteTopics(mine);
  } finally {
    await admin.close();
  }
}
