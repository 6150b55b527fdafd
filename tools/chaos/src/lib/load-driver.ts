import type { Clients } from './clients';
import { eventually } from '@interscambio/testing';

import { Acknowledgements, PutLoad } from './write-load';

import type { PutLoadOptions } from './write-load';

/** A scenario's PUT load and what it got acknowledged, whichever origin (one service, a balancer) takes it. */
export class LoadDriver {
  readonly acks = new Acknowledgements();
  private load?: PutLoad;

  constructor(private readonly clients: Clients) {}

  start(origin: string, options: Pick<PutLoadOptions, 'writers' | 'keysPerWriter' | 'pauseMs'>): void {
    this.load = new PutLoad({ ...options, origin, clients: this.clients, acks: this.acks });
  }

  async stop(): Promise<void> {
    await this.load?.stop();
    this.load = undefined;
  }

  /** Resolves once `count` more writes were acknowledged than when called. */
  async acknowledgedMore(count: number, what: string): Promise<void> {
    const target = this.acks.records.length + count;
    await eventually(async () => this.acks.records.length >= target, { timeoutMs: 180_000, what });
  }
}
