// Scenario 4: what the access gate costs every request — verifying the registry's access token —
// vs the bare node:crypto ES256 verification of the same signature.
import { randomUUID, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { decodeJwt, generateSigningKey, TokenVerifier } from '@interscambio/access';
import { signJwt } from '@interscambio/access/testing';
import type { KeySource } from '@interscambio/access';
import { progress } from './lib/bench-env';
import { asyncRate, compare } from './lib/compare';
import { scenario } from './lib/report';

const ROUND_MS = 400;
const ROUNDS = 5;
const TOKENS = 20_000;
const ISSUER = 'urn:interscambio:registry';

async function main(): Promise<void> {
  const key = await generateSigningKey('ES256');
  const keys: KeySource = { key: async (kid) => (kid === key.kid ? key.publicKey : undefined) };
  const now = Math.floor(Date.now() / 1000);
  const tokens = Array.from({ length: TOKENS }, (_, i) =>
    signJwt(
      key,
      {
        iss: ISSUER,
        sub: `sandbox-${i}`,
        client_id: `sandbox-${i}`,
        aud: ['tributi', 'sociale'],
        ente: '082053',
        scope: 'records:read records:write',
        iat: now,
        exp: now + 600,
        jti: randomUUID(),
      },
      'at+jwt',
    ),
  );
  const decoded = tokens.map((t) => decodeJwt(t));
  const bare = (i: number, publicKey: KeyObject): boolean => {
    const d = decoded[i % TOKENS] as (typeof decoded)[number];
    return verify('sha256', Buffer.from(d.signingInput), { key: publicKey, dsaEncoding: 'ieee-p1363' }, d.signature);
  };
  const fresh = (): TokenVerifier =>
    new TokenVerifier({ keys, issuer: ISSUER, audience: 'tributi', cacheSize: TOKENS });

  progress('access: verifying tokens never seen before');
  let verifier = fresh();
  let next = 0;
  await scenario(
    'access',
    'verify an access token seen for the first time',
    'tokens/s',
    () =>
      compare({
        // A new verifier each round: every token is a cache miss, as a client's first call is.
        ours: async () => {
          verifier = fresh();
          next = 0;
          return asyncRate(() => verifier.verify(tokens[next++ % TOKENS] as string), ROUND_MS, 1);
        },
        bare: () => asyncRate(async (i) => bare(i, key.publicKey), ROUND_MS, 1),
        rounds: ROUNDS,
      }),
    'ours = TokenVerifier.verify: decode, typ, alg, kid, ES256 signature, iss, aud, times, claims; bare = crypto.verify of the signature alone',
  );

  progress('access: verifying a token already verified');
  const warm = fresh();
  const token = tokens[0] as string;
  await warm.verify(token);
  await scenario(
    'access',
    "verify a client's token again (every call after its first)",
    'tokens/s',
    () =>
      compare({
        ours: () => asyncRate(() => warm.verify(token), ROUND_MS, 1),
        bare: () => asyncRate(async () => bare(0, key.publicKey), ROUND_MS, 1),
        rounds: ROUNDS,
      }),
    'ours = TokenVerifier.verify with the token in its cache (decode, compare, times); bare = the signature check the cache spares',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
