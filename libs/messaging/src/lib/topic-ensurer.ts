import type { BusAdmin, MessageBus } from './message-bus';

/**
 * Creates the topics a producer is about to send to when they do not exist yet: our producers
 * never let the broker auto-create topics. Known topics are cached; forget() one after a failed send.
 */
export class TopicEnsurer {
  private readonly known = new Set<string>();
  private admin?: Promise<BusAdmin>;

  constructor(
    private readonly bus: MessageBus,
    private readonly partitions = 3,
  ) {}

  /** `config` applies to the topics this call creates (e.g. compaction); existing topics are left as they are. */
  async ensure(topics: Iterable<string>, config?: Record<string, string>): Promise<void> {
    const missing = [...new Set(topics)].filter((t) => !this.known.has(t));
    if (missing.length === 0) return;
    try {
      this.admin ??= this.bus.admin();
      const admin = await this.admin;
      const existing = new Set(await admin.listTopics());
      const create = missing.filter((t) => !existing.has(t));
      if (create.length > 0)
        await admin.createTopics(create.map((name) => ({ name, partitions: this.partitions, config })));
    } catch (error) {
      await this.close();
      throw error;
    }
    for (const t of missing) this.known.add(t);
  }

  forget(topic: string): void {
    this.known.delete(topic);
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    // A broken admin may fail to connect or close; the next ensure() connects a fresh one anyway.
    if (admin) await admin.then((a) => a.close()).catch(() => undefined);
  }
}
