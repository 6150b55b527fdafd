import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateSigningKey, publicJwk } from '@interscambio/access';
import { signJwt } from '@interscambio/access/testing';

export interface BenchIssuer {
  /** Where the service fetches the keys that verify the tokens (TOKEN_JWKS_URL). */
  jwksUrl: string;
  /** The token of ente's own client (records:read records:write unless told). */
  token(ente: string): string;
  close(): Promise<void>;
}

const ISSUER = 'urn:interscambio:registry';
// The services refuse tokens that live longer than 600 s; a client asks for a new one before it expires.
const LIFETIME_SECONDS = 600;
const RENEW_AFTER_SECONDS = 300;

/**
 * Stands in for the registry: one client per ente, each with an access token as the registry
 * issues them (ES256, `at+jwt`), renewed halfway through its life, and the JWKS that verifies them
 * served over HTTP.
 */
export async function startIssuer(
  audience: string | string[],
  enti: string[],
  scope = 'records:read records:write',
): Promise<BenchIssuer> {
  const key = await generateSigningKey('ES256');
  const jwks = JSON.stringify({ keys: [publicJwk(key.publicKey, { kid: key.kid, alg: key.alg })] });
  const known = new Set(enti);
  const issued = new Map<string, { token: string; iat: number }>();
  const issue = (ente: string, now: number): string => {
    const clientId = `bench-${ente}`;
    const claims = {
      iss: ISSUER,
      sub: clientId,
      client_id: clientId,
      aud: audience,
      ente,
      scope,
      iat: now,
      exp: now + LIFETIME_SECONDS,
      jti: randomUUID(),
    };
    const token = signJwt(key, claims, 'at+jwt');
    issued.set(ente, { token, iat: now });
    return token;
  };
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    token: (ente) => {
      if (!known.has(ente)) throw new Error(`no client for ente ${ente}`);
      const now = Math.floor(Date.now() / 1000);
      const current = issued.get(ente);
      return current && now - current.iat < RENEW_AFTER_SECONDS ? current.token : issue(ente, now);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
