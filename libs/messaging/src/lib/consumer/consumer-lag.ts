import type { BusAdmin } from '../message-bus';

/**
 * Per topic, the messages `groupId` has not committed yet: each partition's end offset minus the
 * group's committed one (a partition it has not committed on counts from its first stored offset).
 */
export async function consumerLag(admin: BusAdmin, groupId: string, topics: string[]): Promise<Map<string, number>> {
  const committed = new Map(
    (await admin.groupOffsets(groupId, topics)).map((o) => [`${o.topic}/${o.partition}`, BigInt(o.offset)]),
  );
  const lag = new Map<string, number>();
  for (const topic of topics) {
    let behind = 0n;
    for (const { partition, low, high } of await admin.topicOffsets(topic)) {
      const done = committed.get(`${topic}/${partition}`) ?? -1n;
      const from = done < BigInt(low) ? BigInt(low) : done;
      if (BigInt(high) > from) behind += BigInt(high) - from;
    }
    lag.set(topic, Number(behind));
  }
  return lag;
}
