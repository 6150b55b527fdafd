import type { Pool } from 'pg';
import type { AuditHead } from './audit-head';
import { sealAudit } from './seal-audit';
import type { AuditSeal } from './seal-audit';

export interface AuditSealerOptions {
  pool: Pool;
  schema: string;
  /** Pause between passes unless woken (default 200 ms). */
  intervalMs?: number;
  /** Called with the head after a pass that moved it, e.g. to publish it as an anchor. */
  onSealed?: (head: AuditHead) => void | Promise<void>;
  log?: (msg: string) => void;
}

const MAX_BACKOFF_MS = 10_000;
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Seals a schema's appended entries off the request path: every `intervalMs`, or at once after
 * wake(). Replicas may each run one; the schema's advisory lock lets one seal at a time.
 */
export class AuditSealer {
  private readonly intervalMs: number;
  private readonly log: (msg: string) => void;
  private queue: Promise<unknown> = Promise.resolve();
  private loop?: Promise<void>;
  private running = false;
  private woken = false;
  private wakeUp?: () => void;
  private interrupt?: () => void;
  private announcing?: Promise<void>;
  private unannounced?: AuditHead;

  constructor(private readonly options: AuditSealerOptions) {
    this.intervalMs = options.intervalMs ?? 200;
    this.log = options.log ?? ((msg) => console.warn(msg));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets the pass in flight finish, then seals once more, waiting for other replicas' sealers. */
  async stop(): Promise<void> {
    this.running = false;
    this.interrupt?.();
    await this.loop;
    await this.pass(true).catch((error: unknown) =>
      this.log(`audit sealer (${this.options.schema}): ${reason(error)}`),
    );
    await this.announcing;
  }

  /** Seals soon: call after committing appended entries. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Resolves with the head once every entry committed before the call is sealed (by this or another sealer). */
  async sealNow(): Promise<AuditHead> {
    return (await this.pass(true)).head;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.woken = false;
        await this.pass(false);
        failures = 0;
        await this.sleep(this.intervalMs, true);
      } catch (error) {
        failures += 1;
        const backoff = Math.min(MAX_BACKOFF_MS, this.intervalMs * 2 ** failures);
        this.log(`audit sealer (${this.options.schema}): ${reason(error)}; retrying in ${backoff} ms`);
        await this.sleep(backoff, false);
      }
    }
  }

  /** One pass at a time in this process, so heads are announced in seal order. */
  private pass(wait: boolean): Promise<AuditSeal> {
    const pass = this.queue.then(() => sealAudit(this.options.pool, this.options.schema, { wait }));
    this.queue = pass.catch(() => undefined);
    return pass.then((seal) => {
      if (seal.sealed > 0) this.announce(seal.head);
      return seal;
    });
  }

  // Not awaited by the pass: a slow onSealed (Kafka down) must not hold up sealing, and sealNow with
  // it. Heads sealed meanwhile collapse into the newest, which vouches for all before it.
  private announce(head: AuditHead): void {
    this.unannounced = head;
    this.announcing ??= (async () => {
      for (let next = this.unannounced; next; next = this.unannounced) {
        this.unannounced = undefined;
        try {
          await this.options.onSealed?.(next);
        } catch (error) {
          this.log(`audit sealer (${this.options.schema}): onSealed failed for seq ${next.seq}: ${reason(error)}`);
        }
      }
      this.announcing = undefined;
    })();
  }

  /** Waits `ms`; stop() ends the wait, and wake() too when `wakeable`. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (!this.running || (wakeable && this.woken)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = this.interrupt = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.interrupt = done;
      if (wakeable) this.wakeUp = done;
    });
  }
}
