import type { Delivery } from './delivery';

/**
 * Every acknowledged revision is in the database, on its topic under one CloudEvent id and in the
 * feed; every committed change is published and shown once by the feed; each key's revisions
 * arrive in order; nothing is left in the outbox. Repeats of an id (a re-send after a crash) are
 * allowed by design and counted apart.
 */
export function expectEveryRecordDelivered(d: Delivery): void {
  expect(d.acknowledged).toBeGreaterThan(0);
  expect(d).toEqual({
    ...d,
    inDatabase: d.acknowledged,
    onTopic: d.acknowledged,
    inFeed: d.acknowledged,
    lost: 0,
    revisionsUnderTwoIds: 0,
    idsWithTwoRevisions: 0,
    outOfOrder: 0,
    unpublished: 0,
    pending: 0,
    missingFromFeed: 0,
    repeatedInFeed: 0,
  });
  // Every committed change reached the topic: as many distinct ids as changes.
  expect(d.events - d.duplicates).toBe(d.changes);
}
