import { uniqueName } from '@interscambio/testing';
import type { MessageBus, ReceivedMessage } from '../src/lib/message-bus';

/** Every message the topic holds right now (up to each partition's end), read by a throwaway group. */
export async function readTopic(bus: MessageBus, topic: string): Promise<ReceivedMessage[]> {
  const admin = await bus.admin();
  const offsets = await admin.topicOffsets(topic);
  await admin.close();
  const last = new Map(
    offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high) - 1n]),
  );
  if (last.size === 0) return [];
  const consumer = await bus.consumer({ groupId: uniqueName('reader'), topics: [topic], fromBeginning: true });
  const received: ReceivedMessage[] = [];
  await new Promise<void>((resolve) => {
    void consumer.run(async (m) => {
      received.push(m);
      const end = last.get(m.partition);
      if (end !== undefined && BigInt(m.offset) >= end) last.delete(m.partition);
      if (last.size === 0) resolve();
    });
  });
  await consumer.close();
  return received;
}
