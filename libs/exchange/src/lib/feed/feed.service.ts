import { Injectable } from '@nestjs/common';
import type { FeedPlace } from './cursor';
import { FeedNotifier } from './feed.notifier';
import { FeedReader } from './feed.reader';
import type { ReadPage } from './feed.reader';

const FALLBACK_POLL_MS = 1000;

/** The change feed with long-poll: an empty page waits until a change commits or time runs out. */
@Injectable()
export class FeedService {
  constructor(
    private readonly reader: FeedReader,
    private readonly notifier: FeedNotifier,
  ) {}

  /** The changes `reader` (an ente) may see; waiting counts only those, not changes it may not see. */
  async changes(
    reader: string,
    after: FeedPlace,
    types: string[] | undefined,
    limit: number,
    waitSeconds: number,
  ): Promise<ReadPage> {
    if (waitSeconds === 0) return this.reader.changes(reader, after, types, limit);
    const deadline = Date.now() + waitSeconds * 1000;
    // Subscribed before the first read, so a commit between the read and the wait still wakes it.
    const subscription = this.notifier.subscribe();
    try {
      for (;;) {
        const page = await this.reader.changes(reader, after, types, limit);
        const left = deadline - Date.now();
        if (page.items.length > 0 || left <= 0) return page;
        const reason = await subscription.next(this.notifier.connected ? left : Math.min(left, FALLBACK_POLL_MS));
        if (reason === 'closed') return page;
      }
    } finally {
      subscription.close();
    }
  }
}
