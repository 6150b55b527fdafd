import { BadRequestError } from '@interscambio/http';

// Cursors are opaque to clients: base64url of a version prefix and the place last seen.
// `t1:<tx>.<position>` is a place in the feed (see FEED ORDER in record.sql.ts); `p1:<n>` is a
// plain position: an audit seq, or a feed place from before transaction ids were kept (tx 0).
const FEED = 't1:';
const POSITION = 'p1:';
const MAX_BIGINT = 2n ** 63n - 1n;

/** A place in the change feed: the (effective) transaction id of a change and its position. */
export interface FeedPlace {
  tx: bigint;
  position: bigint;
}

export const FEED_START: FeedPlace = { tx: 0n, position: 0n };

export function encodeFeedCursor(place: FeedPlace): string {
  return Buffer.from(`${FEED}${place.tx}.${place.position}`).toString('base64url');
}

/**
 * encodeFeedCursor in SQL, for the change's `tx` and `position` columns: a write stamps its events
 * with their feed cursor in the statement that takes the place. The text is at most 42 bytes, so
 * base64 needs no line break; base64url has no padding.
 */
export const feedCursorSql = (tx: string, position: string): string =>
  `translate(rtrim(encode(convert_to('${FEED}' || ${tx} || '.' || ${position}, 'UTF8'), 'base64'), '='), '+/', '-_')`;

/** The feed place a cursor stands for; the beginning when none is given. */
export function decodeFeedCursor(cursor: string | undefined): FeedPlace {
  const text = textOf(cursor);
  if (text === undefined) return FEED_START;
  if (text.startsWith(POSITION)) return { tx: 0n, position: numberOf(text.slice(POSITION.length)) };
  const [tx, position, ...rest] = text.startsWith(FEED) ? text.slice(FEED.length).split('.') : [];
  if (tx === undefined || position === undefined || rest.length > 0) throw invalid();
  return { tx: numberOf(tx), position: numberOf(position) };
}

export function encodeCursor(position: bigint | string): string {
  return Buffer.from(`${POSITION}${position}`).toString('base64url');
}

/** The position a plain cursor stands for; 0 (the beginning) when no cursor is given. */
export function decodeCursor(cursor: string | undefined): bigint {
  const text = textOf(cursor);
  if (text === undefined) return 0n;
  if (!text.startsWith(POSITION)) throw invalid();
  return numberOf(text.slice(POSITION.length));
}

function textOf(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!/^[A-Za-z0-9_-]{1,96}$/.test(cursor)) throw invalid();
  return Buffer.from(cursor, 'base64url').toString();
}

/** A non-negative PostgreSQL bigint: anything larger was never issued and would fail the query. */
function numberOf(digits: string): bigint {
  if (!/^\d{1,19}$/.test(digits) || BigInt(digits) > MAX_BIGINT) throw invalid();
  return BigInt(digits);
}

function invalid(): BadRequestError {
  return new BadRequestError('invalid-cursor', {
    it: 'Il cursore non è uno di quelli rilasciati da questo servizio.',
    en: 'The cursor is not one this service issued.',
  });
}
