import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NotifierSettings } from '../notifier.settings';
import { DeliveryStore } from './delivery.store';
import type { DueDelivery } from './delivery.store';
import { postWebhook } from './webhook.sender';
import { webhookHeaders } from './webhook.signer';

/**
 * Works off the delivery outbox: claims the due head of each (subscription, record) queue — a
 * record's next change waits until the one before it is delivered or dead — and POSTs up to
 * `concurrency` at once, at most `perSubscription` per subscription, so a slow or failing endpoint
 * holds back only its own queue. A claim is a lease in PostgreSQL: if the process dies mid-POST,
 * the delivery is due again when the lease ends, with the same webhook-id.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DeliveryDispatcher');
  private readonly inFlight = new Map<string, number>();
  private running = 0;
  private stopped = false;
  private wakeUp?: () => void;
  /** A wake that came while claiming: the next sleep returns at once instead of waiting a poll. */
  private woken = false;
  private loop?: Promise<void>;
  private readonly sends = new Set<Promise<void>>();

  constructor(
    private readonly store: DeliveryStore,
    private readonly settings: NotifierSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Look for due deliveries now (new ones were queued, or a POST finished). */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await Promise.all(this.sends);
  }

  private async run(): Promise<void> {
    const { concurrency, perSubscription, pollMs, requestTimeoutMs } = this.settings.delivery;
    while (!this.stopped) {
      // Wakes before this claim are answered by it; only later ones cut the next sleep short.
      this.woken = false;
      let claimed: DueDelivery[] = [];
      let parked = 0;
      const free = concurrency - this.running;
      if (free > 0) {
        try {
          // The lease outlasts the longest POST, so no other replica takes a delivery still in flight.
          ({ deliveries: claimed, parked } = await this.store.claim(
            free,
            perSubscription,
            this.inFlight,
            requestTimeoutMs * 2 + 5000,
          ));
        } catch (error) {
          this.logger.warn(`claiming deliveries failed: ${(error as Error).message}`);
        }
      }
      for (const delivery of claimed) this.start(delivery);
      // A claim that only parked deliveries waiting behind others may have left due heads behind them.
      if ((claimed.length === 0 && parked === 0) || claimed.length === free) await this.sleep(pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private start(delivery: DueDelivery): void {
    this.running++;
    this.inFlight.set(delivery.subscriptionId, (this.inFlight.get(delivery.subscriptionId) ?? 0) + 1);
    const send = this.send(delivery)
      .catch((error: unknown) => this.logger.warn(`delivery ${delivery.id}: ${(error as Error).message}`))
      .finally(() => {
        this.running--;
        const left = (this.inFlight.get(delivery.subscriptionId) ?? 1) - 1;
        if (left > 0) this.inFlight.set(delivery.subscriptionId, left);
        else this.inFlight.delete(delivery.subscriptionId);
        this.sends.delete(send);
        this.wake();
      });
    this.sends.add(send);
  }

  private async send(delivery: DueDelivery): Promise<void> {
    if (!delivery.entitled) return this.store.withhold(delivery.id);
    const body = JSON.stringify(delivery.cloudEvent);
    const headers = webhookHeaders(delivery.id, body, delivery.secrets);
    const outcome = await postWebhook(delivery.callbackUrl, body, headers, {
      sandbox: this.settings.delivery.sandbox,
      timeoutMs: this.settings.delivery.requestTimeoutMs,
    });
    if (outcome.ok) await this.store.delivered(delivery, outcome.status ?? 200);
    else await this.store.failed(delivery, outcome.reason ?? 'failed', outcome.status ?? null);
  }
}
