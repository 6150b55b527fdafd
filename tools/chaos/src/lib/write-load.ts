import { setTimeout as sleep } from 'node:timers/promises';
import type { Clients } from './clients';

/** The record type every scenario writes: tributi's versamento, riservato, so each ente reads its own. */
export const THEME = 'tributi';
export const TYPE = 'versamento';
export const ENTI = ['082053', '082006'];

/** The n-th version of a versamento: the amount changes each time, so every write is a new revision. */
export function versamento(n: number): object {
  return {
    posizione: 'IMU-2024-000412',
    importo: 100 + n,
    dataPagamento: '2024-06-14',
    canale: 'pagopa',
    identificativo: `IUR-${n}`,
  };
}

/** One revision of one record, as the service acknowledged it. */
export interface Acknowledged {
  ente: string;
  key: string;
  revision: number;
}

/** What the service acknowledged (2xx with a revision) and, by status or network error, what it did not. */
export class Acknowledgements {
  readonly records: Acknowledged[] = [];
  readonly refused = new Map<string, number>();

  accept(record: Acknowledged): void {
    this.records.push(record);
  }

  refuse(reason: string): void {
    this.refused.set(reason, (this.refused.get(reason) ?? 0) + 1);
  }

  get refusedCount(): number {
    return [...this.refused.values()].reduce((sum, n) => sum + n, 0);
  }

  /** e.g. `503×12, ECONNREFUSED×3`, or `none`. */
  refusals(): string {
    const parts = [...this.refused].map(([reason, count]) => `${reason}×${count.toLocaleString('en-US')}`);
    return parts.length > 0 ? parts.join(', ') : 'none';
  }
}

export interface PutLoadOptions {
  origin: string;
  clients: Clients;
  acks: Acknowledgements;
  writers: number;
  /** Records each writer cycles through, so that most writes are updates of a record. */
  keysPerWriter: number;
  /** Pause after each answer: a steady load that leaves the machine's two cores room for the broker. */
  pauseMs: number;
}

/** Writers that PUT one record after the other until stopped, whatever the service answers meanwhile. */
export class PutLoad {
  private running = true;
  private readonly writers: Promise<void>[];

  constructor(private readonly options: PutLoadOptions) {
    this.writers = Array.from({ length: options.writers }, (_, w) => this.write(w));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.writers);
  }

  private async write(w: number): Promise<void> {
    const { origin, clients, acks, keysPerWriter, pauseMs } = this.options;
    const ente = ENTI[w % ENTI.length] as string;
    for (let n = 0; this.running; n++) {
      const key = `put-${w}-${n % keysPerWriter}`;
      // Every other writer sends an Idempotency-Key: those writes run as a transaction of several statements.
      const idempotency: Record<string, string> = w % 2 ? { 'idempotency-key': `${key}-${n}` } : {};
      await putRecord({ origin, clients, acks }, ente, key, versamento(n), idempotency);
      await sleep(pauseMs);
    }
  }
}

/**
 * PUTs one record and notes the answer: acknowledged with the revision of its ETag, or refused by
 * status, or by the network error when nothing answered (then the status is 0).
 */
export async function putRecord(
  to: { origin: string; clients: Clients; acks: Acknowledgements },
  ente: string,
  key: string,
  data: object,
  headers: Record<string, string> = {},
): Promise<number> {
  try {
    const res = await fetch(`${to.origin}/${THEME}/v1/records/${TYPE}/${ente}/${key}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers, ...to.clients.as(ente) },
      body: JSON.stringify(data),
      signal: AbortSignal.timeout(15_000),
    });
    await res.arrayBuffer();
    if (res.ok) to.acks.accept({ ente, key, revision: Number(res.headers.get('etag')?.replace(/"/g, '')) });
    else to.acks.refuse(String(res.status));
    return res.status;
  } catch (error) {
    to.acks.refuse(networkError(error));
    return 0;
  }
}

interface BatchAnswer {
  items: { status: number; revision?: number }[];
}

/** POSTs `count` new records of `ente` in one batch (keys `<prefix>-<n>`) and notes each item stored. */
export async function writeBatch(
  origin: string,
  clients: Clients,
  acks: Acknowledgements,
  ente: string,
  prefix: string,
  count: number,
): Promise<void> {
  const items = Array.from({ length: count }, (_, n) => ({ ente, key: `${prefix}-${n}`, data: versamento(n) }));
  const res = await fetch(`${origin}/${THEME}/v1/records/${TYPE}/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...clients.as(ente) },
    body: JSON.stringify({ items }),
  });
  if (res.status !== 200) throw new Error(`batch of ${count} answered ${res.status}: ${await res.text()}`);
  const answer = (await res.json()) as BatchAnswer;
  answer.items.forEach((item, n) => {
    if (item.status < 300 && item.revision) acks.accept({ ente, key: `${prefix}-${n}`, revision: item.revision });
    else acks.refuse(String(item.status));
  });
}

/** ECONNREFUSED, ECONNRESET, TimeoutError…: why a request got no answer. */
function networkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'error';
}
