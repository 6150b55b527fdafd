import { countDelivery } from './delivery';
import type { DeliveryRecords } from './delivery';
import type { TopicMessage } from './topic-reader';

/** Messages of key `082053/k` in offset order, each `[revision, id]`. */
const onTopic = (...sent: [number, string][]): TopicMessage[] =>
  sent.map(([revision, ceId], offset) => ({ partition: 0, offset: String(offset), key: '082053/k', ceId, revision }));

const records = (messages: TopicMessage[], changes = ['082053/k@1', '082053/k@2', '082053/k@3']): DeliveryRecords => ({
  acknowledged: changes,
  committed: changes,
  messages,
  feed: changes,
  outbox: [...new Set(messages.map((m) => String(m.ceId)))].map((id) => ({ id, pending: false })),
});

describe('counting where the records went', () => {
  it('takes a run sent again after a crash, under the same ids, for duplicates in order', () => {
    const d = countDelivery(records(onTopic([1, 'a'], [2, 'b'], [1, 'a'], [2, 'b'], [3, 'c'])));
    expect(d).toMatchObject({ onTopic: 3, lost: 0, events: 5, duplicates: 2, outOfOrder: 0, revisionsUnderTwoIds: 0 });
  });

  it('finds a revision published under a second id, which no consumer could drop', () => {
    const d = countDelivery(records(onTopic([1, 'a'], [2, 'b'], [2, 'x'], [3, 'c'])));
    expect(d).toMatchObject({ duplicates: 0, revisionsUnderTwoIds: 1 });
  });

  it('finds revisions of a key that arrive out of order', () => {
    expect(countDelivery(records(onTopic([2, 'b'], [1, 'a'], [3, 'c']))).outOfOrder).toBe(1);
  });

  it('counts an acknowledged revision missing from the topic, the database or the feed as lost', () => {
    const d = countDelivery({ ...records(onTopic([1, 'a'], [3, 'c'])), feed: ['082053/k@1', '082053/k@1'] });
    expect(d).toMatchObject({ onTopic: 2, inFeed: 1, lost: 2, missingFromFeed: 2, repeatedInFeed: 1 });
  });

  it('counts outbox rows never published and rows not marked sent', () => {
    const d = countDelivery({ ...records(onTopic([1, 'a'])), outbox: [{ id: 'z', pending: true }] });
    expect(d).toMatchObject({ unpublished: 1, pending: 1 });
  });
});
