import { ProblemError } from '@interscambio/http';
import { decodeCursor, decodeFeedCursor, encodeCursor, encodeFeedCursor, FEED_START } from './cursor';

const b64 = (text: string): string => Buffer.from(text).toString('base64url');

function expect400(decode: () => unknown): void {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).status).toBe(400);
    return;
  }
  throw new Error('the cursor was accepted');
}

describe('feed cursor', () => {
  it('round-trips a place (transaction id, position) through an opaque base64url token', () => {
    const cursor = encodeFeedCursor({ tx: 987654321n, position: 1234567890123n });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFeedCursor(cursor)).toEqual({ tx: 987654321n, position: 1234567890123n });
  });

  it('starts from the beginning without a cursor', () => {
    expect(decodeFeedCursor(undefined)).toEqual(FEED_START);
    expect(decodeFeedCursor('')).toEqual(FEED_START);
  });

  it('reads a cursor issued before transaction ids were kept as that position in transaction 0', () => {
    expect(decodeFeedCursor(encodeCursor(41n))).toEqual({ tx: 0n, position: 41n });
  });

  it.each([
    'garbage!',
    b64('t1:abc.1'),
    b64('t1:1'),
    b64('t1:1.2.3'),
    b64('42'),
    // One past PostgreSQL's bigint: never issued, and it would fail the query.
    b64('t1:9223372036854775808.1'),
    b64('p1:99999999999999999999'),
  ])('refuses %s with a 400 problem', (cursor) => {
    expect400(() => decodeFeedCursor(cursor));
  });
});

describe('position cursor (audit trail)', () => {
  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(1234567890123n))).toBe(1234567890123n);
    expect(decodeCursor(undefined)).toBe(0n);
  });

  it.each([b64('p1:abc'), b64('t1:1.2'), b64('p1:9223372036854775808'), 'cDE6OTk5OTk5OTk5OTk5OTk5OTk5OQ'])(
    'refuses %s with a 400 problem',
    (cursor) => {
      expect400(() => decodeCursor(cursor));
    },
  );
});
