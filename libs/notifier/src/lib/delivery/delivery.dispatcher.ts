import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NotifierSettings } from '../notifier.settings';
import type { Outcome } from './delivery.outcomes';
import { DeliveryStore } from './delivery.store';
import type { DueDelivery } from './due-delivery';
import { postWebhook } from './webhook.sender';
import { webhookHeaders } from './webhook.signer';

/**
 * Works off the delivery outbox: claims the due head of each (subscription, record) queue — a
 * record's next change waits until the one before it is delivered or dead — and POSTs up to
 * `concurrency` at once, at most `perSubscription` per subscription, so a slow or failing endpoint
 * holds back only its own queue. A claim is a lease in PostgreSQL: if the process dies mid-POST,
 * or before the POST's outcome is recorded, the delivery is due again when the lease ends, with the
 * same webhook-id.
 *
 * Outcomes are recorded in batches, one statement for all the POSTs that finished while the one
 * before ran (or within OUTCOME_GATHER_MS when none ran): one statement per delivery was most of
 * a fan-out's cost. A delivery holds its slot until its outcome is recorded, so the next claim
 * cannot lease more than `concurrency` and finds the slots freed by a batch all at once.
 */
/** How long the first finished POST waits for others before their outcomes are recorded together. */
const OUTCOME_GATHER_MS = 2;
/**
 * A claim reads one index entry per active subscription whatever it leases, so it waits until a
 * quarter of the slots are free (or REFILL_WAIT_MS have passed with some free): claiming after
 * every finished batch leased a handful per claim, and the claims' reads grew with subscriptions.
 */
const REFILL_SHARE = 4;
const REFILL_WAIT_MS = 25;
/** Attempts at recording a batch of outcomes, RECORD_RETRY_MS apart, before their leases are left to end. */
const RECORD_TRIES = 3;
const RECORD_RETRY_MS = 50;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
  /** Finished POSTs whose outcome is not yet recorded, in the order they finished. */
  private outcomes: Outcome[] = [];
  private recording?: Promise<void>;

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
    await this.recording;
  }

  private async run(): Promise<void> {
    const { concurrency, perSubscription, pollMs, requestTimeoutMs } = this.settings.delivery;
    const refillAt = Math.max(1, Math.floor(concurrency / REFILL_SHARE));
    let lastClaim = 0;
    while (!this.stopped) {
      // Wakes before this claim are answered by it; only later ones cut the next sleep short.
      this.woken = false;
      let claimed: DueDelivery[] = [];
      let parked = 0;
      const free = concurrency - this.running;
      const waited = Date.now() - lastClaim;
      if (free > 0 && free < refillAt && waited < REFILL_WAIT_MS) {
        await this.sleep(REFILL_WAIT_MS - waited);
        continue;
      }
      if (free > 0) {
        lastClaim = Date.now();
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
      .then((outcome) => {
        this.outcomes.push(outcome);
        this.recording ??= this.recordOutcomes();
      })
      .catch((error: unknown) => {
        this.logger.warn(`delivery ${delivery.id}: ${(error as Error).message}`);
        this.release([delivery]);
      })
      .finally(() => this.sends.delete(send));
    this.sends.add(send);
  }

  /** Records the outcomes gathered so far, one batch at a time, until none are left. */
  private async recordOutcomes(): Promise<void> {
    await pause(OUTCOME_GATHER_MS);
    let tries = 0;
    while (this.outcomes.length > 0) {
      const batch = this.outcomes;
      this.outcomes = [];
      try {
        await this.store.record(batch);
      } catch (error) {
        // A deadlock victim, or a connection lost: again, with what finished since, in order.
        if (++tries < RECORD_TRIES) {
          this.outcomes = [...batch, ...this.outcomes];
          await pause(RECORD_RETRY_MS);
          continue;
        }
        // Still leased: each is sent again, with the same webhook-id, when its lease ends.
        this.logger.warn(`recording ${batch.length} outcomes failed: ${(error as Error).message}`);
      }
      tries = 0;
      this.release(batch.map((o) => o.delivery));
    }
    this.recording = undefined;
  }

  /** Frees the slots of deliveries no longer in flight, and looks for more to send. */
  private release(deliveries: DueDelivery[]): void {
    for (const { subscriptionId } of deliveries) {
      this.running--;
      const left = (this.inFlight.get(subscriptionId) ?? 1) - 1;
      if (left > 0) this.inFlight.set(subscriptionId, left);
      else this.inFlight.delete(subscriptionId);
    }
    this.wake();
  }

  private async send(delivery: DueDelivery): Promise<Outcome> {
    if (!delivery.entitled) return { kind: 'withheld', delivery };
    const body = JSON.stringify(delivery.cloudEvent);
    const headers = webhookHeaders(delivery.id, body, delivery.secrets);
    const outcome = await postWebhook(delivery.callbackUrl, body, headers, {
      sandbox: this.settings.delivery.sandbox,
      timeoutMs: this.settings.delivery.requestTimeoutMs,
    });
    if (outcome.ok) return { kind: 'delivered', delivery, status: outcome.status ?? 200 };
    return { kind: 'failed', delivery, status: outcome.status ?? null, reason: outcome.reason ?? 'failed' };
  }
}
