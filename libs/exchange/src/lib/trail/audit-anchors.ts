import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { AuditAnchor, AuditHead } from '@interscambio/audit';
import { fromCloudEventMessage, toCloudEventMessage, TopicEnsurer } from '@interscambio/messaging';
import type { BusConsumer, BusProducer, MessageBus } from '@interscambio/messaging';
import { ExchangeSettings } from '../exchange.settings';
import { MESSAGE_BUS } from '../relay/message-bus.token';
import { Database } from '../storage/database';

/** At most one anchor a second: the newest head waits for the next slot, nothing is queued. */
const MIN_INTERVAL_MS = 1000;
const RETRY_MS = 5000;
// While Kafka is away every retry fails: one warning when it starts, then one a minute, then one when it ends.
const WARN_EVERY_MS = 60_000;
const COMPACTED = { 'cleanup.policy': 'compact' };

/**
 * The audit trail's head, published outside the database: on the compacted topic
 * `<prefix>.<theme>.audit-anchors`, keyed by the service's schema, at most once a second while the
 * head moves. Verification compares the chain with the newest anchor this process knows (published
 * by it, or read back from the topic by a group of its own), so a whole chain rewritten behind the
 * database's back, or a tail cut off with its head moved back, no longer verifies.
 */
@Injectable()
export class AuditAnchors implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('AuditAnchors');
  private readonly topic: string;
  private readonly topics: TopicEnsurer;
  private newest?: AuditAnchor;
  private unpublished?: AuditHead;
  private lastSent = 0;
  /** Failed attempts since the last anchor published, and when the last warning about them went out. */
  private failures = 0;
  private lastWarned = 0;
  private timer?: NodeJS.Timeout;
  private sending: Promise<void> = Promise.resolve();
  private producer?: Promise<BusProducer>;
  private reader?: BusConsumer;
  private stopped = false;
  private reading: Promise<void> = Promise.resolve();
  private wakeReader?: () => void;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly settings: ExchangeSettings,
    private readonly db: Database,
  ) {
    this.topic = `${settings.topicPrefix}.${settings.theme}.audit-anchors`;
    this.topics = new TopicEnsurer(bus, 1);
  }

  /** The newest head known to have been published, to check the chain against. */
  latest(): AuditAnchor | undefined {
    return this.newest;
  }

  /** The sealer moved the head: anchor it now, or at the next free slot. */
  sealed(head: AuditHead): void {
    this.unpublished = head;
    if (this.timer || this.stopped) return;
    const wait = Math.max(0, this.lastSent + MIN_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sending = this.sending.then(() => this.publish());
    }, wait);
  }

  onApplicationBootstrap(): void {
    // Kafka being down must not hold the service back: the reader starts when it can.
    this.reading = this.read();
  }

  /** Publishes the newest head now (the sealer's last one, at shutdown). */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.sending;
    this.sending = this.publish();
    await this.sending;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wakeReader?.();
    clearTimeout(this.timer);
    await this.sending;
    await this.reading;
    await this.reader?.close().catch(() => undefined);
    await this.producer?.then((p) => p.close()).catch(() => undefined);
    await this.topics.close();
  }

  private async publish(): Promise<void> {
    const head = this.unpublished;
    if (!head || head.seq === '0') return;
    this.unpublished = undefined;
    this.lastSent = Date.now();
    const anchor: AuditAnchor = { seq: head.seq, hash: head.hash, at: new Date().toISOString() };
    try {
      await this.topics.ensure([this.topic], COMPACTED);
      this.producer ??= this.bus.producer();
      const message = toCloudEventMessage({
        id: randomUUID(),
        topic: this.topic,
        key: this.db.schema,
        type: `it.interscambio.${this.settings.theme}.audit-anchor`,
        source: `/services/${this.settings.theme}`,
        subject: this.db.schema,
        time: anchor.at as string,
        data: anchor,
      });
      await (await this.producer).send(this.topic, [message]);
      this.learn(anchor);
      if (this.failures > 0) this.logger.log(`audit anchors published again, after ${this.failures} failed attempts`);
      this.failures = 0;
    } catch (error) {
      this.producer = undefined;
      this.failures += 1;
      if (this.failures === 1 || Date.now() - this.lastWarned >= WARN_EVERY_MS) {
        this.lastWarned = Date.now();
        const attempts = this.failures === 1 ? '' : ` (${this.failures} attempts so far)`;
        this.logger.warn(`audit anchor seq ${head.seq} not published${attempts}: ${(error as Error).message}`);
      }
      // A newer head may have arrived meanwhile; otherwise this one is tried again later.
      this.unpublished ??= head;
      if (!this.stopped) setTimeout(() => this.sealed(this.unpublished as AuditHead), RETRY_MS).unref();
    }
  }

  /** Reads every anchor of this schema from the topic, in a consumer group of this process alone. */
  private async read(): Promise<void> {
    for (let delay = 1000; !this.stopped; delay = Math.min(delay * 2, 30_000)) {
      try {
        await this.topics.ensure([this.topic], COMPACTED);
        const groupId = `${this.settings.topicPrefix}.${this.settings.theme}.audit-anchors.${randomUUID()}`;
        const reader = await this.bus.consumer({ groupId, topics: [this.topic], fromBeginning: true });
        // The app may have stopped while the consumer joined its group.
        if (this.stopped) return await reader.close();
        this.reader = reader;
        await reader.run(async (message) => {
          if (message.key !== this.db.schema) return;
          // Anything else on the topic is not an anchor of ours: skipped, never trusted.
          const data = ((): Partial<AuditAnchor> | null => {
            try {
              return fromCloudEventMessage(message).data as Partial<AuditAnchor> | null;
            } catch {
              return null;
            }
          })();
          if (typeof data?.seq === 'string' && /^\d{1,19}$/.test(data.seq) && /^[0-9a-f]{64}$/.test(String(data.hash)))
            this.learn({
              seq: data.seq,
              hash: data.hash as string,
              at: typeof data.at === 'string' ? data.at : undefined,
            });
        });
        return;
      } catch (error) {
        this.logger.warn(`audit anchors not read yet, retrying in ${delay} ms: ${(error as Error).message}`);
        await new Promise<void>((resolve) => {
          this.wakeReader = resolve;
          setTimeout(resolve, delay).unref();
        });
      }
    }
  }

  private learn(anchor: AuditAnchor): void {
    if (!this.newest || BigInt(anchor.seq) >= BigInt(this.newest.seq)) this.newest = anchor;
  }
}
