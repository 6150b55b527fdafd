import type { Clients } from './clients';
import { THEME, TYPE } from './write-load';

interface FeedPage {
  items: { ente: string; key: string; revision: number }[];
  next: string;
}

/**
 * Every change of the scenario's record type that `ente` may see, read through the change feed from
 * its beginning, page after page, as `<ente>/<key>@<revision>` in the order the feed gives them.
 */
export async function readWholeFeed(origin: string, clients: Clients, ente: string): Promise<string[]> {
  const changes: string[] = [];
  let after = '';
  for (;;) {
    const query = `types=${TYPE}&limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const res = await fetch(`${origin}/${THEME}/v1/feed?${query}`, { headers: clients.as(ente) });
    if (res.status !== 200) throw new Error(`GET /feed answered ${res.status}: ${await res.text()}`);
    const page = (await res.json()) as FeedPage;
    if (page.items.length === 0) return changes;
    changes.push(...page.items.map((i) => `${i.ente}/${i.key}@${i.revision}`));
    after = page.next;
  }
}
