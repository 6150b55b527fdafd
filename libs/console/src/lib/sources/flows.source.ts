import { Injectable } from '@nestjs/common';
import { consumerLag, outboxBacklog } from '@interscambio/messaging';
import type { BusAdmin } from '@interscambio/messaging';
import { quoteIdentifier } from '@interscambio/persistence';
import { ConsoleSettings } from '../console.settings';

export interface TopicView {
  topic: string;
  partitions: { partition: number; low: string; high: string }[];
}

export interface GroupView {
  group: string;
  service: string;
  lag: { topic: string; messages: number }[];
}

/** Flussi: what Kafka holds (topics, partitions, end offsets), how far each group is behind, what waits in each outbox. */
@Injectable()
export class FlowsSource {
  constructor(private readonly settings: ConsoleSettings) {}

  async topics(): Promise<TopicView[]> {
    return this.withAdmin(async (admin) => {
      const prefix = `${this.settings.topicPrefix}.`;
      const names = (await admin.listTopics()).filter((t) => t.startsWith(prefix)).sort();
      return Promise.all(names.map(async (topic) => ({ topic, partitions: await admin.topicOffsets(topic) })));
    });
  }

  /** The groups each service has consumed with (its processed_event marks), and their lag now. */
  async groups(): Promise<GroupView[]> {
    const sql = this.settings.db.pool;
    const found: { group: string; service: string; topics: string[] }[] = [];
    for (const s of this.settings.services) {
      const { rows } = await sql
        .query<{ consumer_group: string; topics: string[] }>(
          `select consumer_group, array_agg(distinct topic) as topics
           from ${quoteIdentifier(s.schema)}.processed_event group by consumer_group`,
        )
        .catch(() => ({ rows: [] }));
      for (const r of rows) found.push({ group: r.consumer_group, service: s.name, topics: r.topics });
    }
    return this.withAdmin((admin) =>
      Promise.all(
        found.map(async (g) => {
          const lag = await consumerLag(admin, g.group, g.topics);
          return {
            group: g.group,
            service: g.service,
            lag: [...lag].map(([topic, messages]) => ({ topic, messages })),
          };
        }),
      ),
    );
  }

  async outboxes(): Promise<{ service: string; pending: number; oldestSeconds: number | null }[]> {
    const out = [];
    for (const s of this.settings.services) {
      const backlog = await outboxBacklog(this.settings.db.pool, s.schema).catch(() => undefined);
      if (backlog) out.push({ service: s.name, ...backlog });
    }
    return out;
  }

  private async withAdmin<T>(work: (admin: BusAdmin) => Promise<T>): Promise<T> {
    const admin = await this.settings.bus.admin();
    try {
      return await work(admin);
    } finally {
      await admin.close();
    }
  }
}
