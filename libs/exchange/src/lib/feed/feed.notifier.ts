import { Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import { Database } from '../storage/database';
import { FeedSubscription } from './feed.subscription';

/**
 * Wakes every long-polling reader when a change commits: this process's writers signal at once,
 * other replicas' through the schema's coalesced NOTIFY (Database.changes). While the listening
 * connection is down, readers poll.
 */
@Injectable()
export class FeedNotifier implements BeforeApplicationShutdown {
  private readonly subscriptions = new Set<FeedSubscription>();
  private unfollow?: () => void;
  private stopped = false;

  constructor(private readonly db: Database) {}

  get connected(): boolean {
    return this.db.changes.connected;
  }

  /** Long-polls waiting for a change now. */
  get waiting(): number {
    return this.subscriptions.size;
  }

  subscribe(): FeedSubscription {
    const subscription = new FeedSubscription((s) => this.subscriptions.delete(s));
    if (this.stopped) {
      subscription.signal('closed');
      return subscription;
    }
    this.subscriptions.add(subscription);
    this.unfollow ??= this.db.changes.follow(() => {
      for (const s of this.subscriptions) s.signal('change');
    });
    return subscription;
  }

  /** Before the HTTP server closes, which waits for open requests: long-polls answer now. */
  beforeApplicationShutdown(): void {
    this.stopped = true;
    this.unfollow?.();
    for (const s of this.subscriptions) s.signal('closed');
  }
}
