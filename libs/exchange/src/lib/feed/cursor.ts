import { BadRequestError } from '@interscambio/http';

// Opaque to clients: base64url of the last feed position they have seen. Positions only grow in
// commit order, so "after this position" is stable however many writes happen meanwhile.
const PREFIX = 'p1:';

export function encodeCursor(position: bigint | string): string {
  return Buffer.from(`${PREFIX}${position}`).toString('base64url');
}

/** The position a cursor stands for; 0 (the beginning) when no cursor is given. */
export function decodeCursor(cursor: string | undefined): bigint {
  if (cursor === undefined || cursor === '') return 0n;
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!/^\d{1,19}$/.test(digits))
    throw new BadRequestError('invalid-cursor', 'The cursor is not one this service issued.');
  return BigInt(digits);
}
