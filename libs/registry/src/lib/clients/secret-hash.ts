import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

// scrypt with N = 2^15, r = 8, p = 1 (OWASP's minimum for scrypt): about 32 MiB and tens of
// milliseconds per hash, so a stolen table costs an attacker the same for every guess.
const COST_LOG2 = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const FORMAT = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/** A client secret: 256 random bits, base64url. Shown once; only its hash is stored. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** `scrypt$15$8$1$<salt>$<hash>`: self-describing, so the parameters can grow without breaking stored hashes. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(secret, salt, COST_LOG2, BLOCK_SIZE, PARALLELISM, HASH_BYTES);
  return ['scrypt', COST_LOG2, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), hash.toString('base64url')].join(
    '$',
  );
}

/** Compares in constant time; a stored value that is not a hash of this format never matches. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const [, costLog2, blockSize, parallelism, salt, hash] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(hash, 'base64url');
  const n = Number(costLog2);
  if (n < 10 || n > 20 || expected.length < 16) return false;
  const actual = await derive(
    secret,
    Buffer.from(salt, 'base64url'),
    n,
    Number(blockSize),
    Number(parallelism),
    expected.length,
  );
  return timingSafeEqual(actual, expected);
}

/** crypto.scrypt runs on libuv's thread pool: hashing never blocks the event loop. */
function derive(secret: string, salt: Buffer, costLog2: number, r: number, p: number, length: number): Promise<Buffer> {
  const N = 2 ** costLog2;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
