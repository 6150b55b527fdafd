import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_TOKEN_ISSUER, generateSigningKey, publicJwk } from '@interscambio/access';
import type { Jwk, JwtClaims, SigningKey } from '@interscambio/access';
import { signedWithHeader } from '@interscambio/access/testing';

/** Now, in the seconds since the epoch that JWT times count. */
export const epochSeconds = (): number => Math.floor(Date.now() / 1000);

/** Sound claims of a client of 082053 that may write to `prova`, for tokens a test signs itself. */
export function forgedClaims(changes: Partial<JwtClaims> = {}): JwtClaims {
  return {
    iss: DEFAULT_TOKEN_ISSUER,
    sub: 'forged-082053',
    client_id: 'forged-082053',
    aud: 'prova',
    ente: '082053',
    scope: 'records:read records:write',
    iat: epochSeconds(),
    exp: epochSeconds() + 300,
    jti: randomUUID(),
    ...changes,
  };
}

/** `claims` (sound ones unless told) with the claim `name` left out. */
export function withoutClaim(name: string, claims: JwtClaims = forgedClaims()): JwtClaims {
  const copy = { ...claims };
  delete copy[name];
  return copy;
}

/**
 * A JWKS that publishes the keys of another JWKS (the TestIssuer's, once `upstream` is set) plus a
 * key of its own, so a test can sign claims no honest issuer would (nbf or iat in the future, a
 * claim left out) and still have them pass the signature check, reaching the check it is about.
 * Without upstream it is an attacker's key server: it answers any path and notes who asked.
 */
export class ForgingJwks {
  upstream?: string;
  /** The path of every request it received, in order. */
  readonly requests: string[] = [];

  private constructor(
    readonly jwksUrl: string,
    private readonly server: Server,
    private readonly key: SigningKey,
  ) {}

  static async start(): Promise<ForgingJwks> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const forging = new ForgingJwks(
      `http://127.0.0.1:${port}/.well-known/jwks.json`,
      server,
      await generateSigningKey('ES256'),
    );
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      forging.requests.push(request.url ?? '');
      void forging.keys().then((keys) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ keys }));
      });
    });
    return forging;
  }

  /** Signs exactly these claims as an access token (typ at+jwt) with its key, `header` added to the header. */
  sign(claims: JwtClaims, header: Record<string, unknown> = {}): string {
    return signedWithHeader(this.key, header, claims);
  }

  /** The kid of its key. */
  get kid(): string {
    return this.key.kid;
  }

  /** Its key as a public JWK, for a token that carries the key it claims to be signed with. */
  publicJwk(): Jwk {
    return publicJwk(this.key.publicKey, { kid: this.key.kid, alg: this.key.alg });
  }

  private async keys(): Promise<Jwk[]> {
    const own = this.publicJwk();
    if (!this.upstream) return [own];
    const upstream = (await (await fetch(this.upstream)).json()) as { keys: Jwk[] };
    return [...upstream.keys, own];
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      this.server.closeAllConnections();
    });
  }
}
