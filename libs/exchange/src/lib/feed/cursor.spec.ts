import { ProblemError } from '@interscambio/http';
import { decodeCursor, encodeCursor } from './cursor';

describe('feed cursor', () => {
  it('round-trips a position through an opaque base64url token', () => {
    const cursor = encodeCursor(1234567890123n);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toBe(1234567890123n);
  });

  it('starts from the beginning without a cursor', () => {
    expect(decodeCursor(undefined)).toBe(0n);
  });

  it.each(['garbage!', Buffer.from('p1:abc').toString('base64url'), Buffer.from('42').toString('base64url')])(
    'refuses %s with a 400 problem',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(ProblemError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect((error as ProblemError).status).toBe(400);
      }
    },
  );
});
