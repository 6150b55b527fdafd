import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { publicJwk } from '../src/lib/tokens/jwk';
import type { JwtClaims } from '../src/lib/tokens/jwt';
import { generateSigningKey, type SigningKey } from '../src/lib/tokens/signing-key';
import { encodeJws, unsignedToken } from './token-forge';

export interface TestTokenClaims {
  ente: string;
  scopes: string[];
  audience: string | string[];
  clientId?: string;
  /** Default 300; a negative value gives a token that expired that many seconds ago. */
  expiresInSeconds?: number;
  rateLimit?: number;
  issuer?: string;
}

export interface TestTokenOptions {
  /** `foreign`: signed by a key outside the JWKS that claims the JWKS key's kid. */
  signer?: 'own' | 'foreign';
  /** `none`: an unsigned token. */
  alg?: 'none';
  typ?: string;
  omitKid?: boolean;
}

/** A stand-in for the registry in tests: real ES256 access tokens and a JWKS served over HTTP. */
export class TestIssuer {
  private constructor(
    readonly issuer: string,
    readonly jwksUrl: string,
    private readonly server: Server,
    private readonly key: SigningKey,
    private readonly foreignKey: SigningKey,
  ) {}

  static async start(options: { issuer?: string } = {}): Promise<TestIssuer> {
    const [key, foreignKey] = await Promise.all([generateSigningKey('ES256'), generateSigningKey('ES256')]);
    const jwks = JSON.stringify({ keys: [publicJwk(key.publicKey, { kid: key.kid, alg: key.alg })] });
    const server = createServer((request, response) => {
      const found = request.url === '/.well-known/jwks.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(found ? jwks : '{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/.well-known/jwks.json`;
    return new TestIssuer(options.issuer ?? 'urn:interscambio:registry', url, server, key, foreignKey);
  }

  token(claims: TestTokenClaims, options: TestTokenOptions = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = claims.expiresInSeconds ?? 300;
    const clientId = claims.clientId ?? `test-${claims.ente}`;
    const payload: JwtClaims = {
      iss: claims.issuer ?? this.issuer,
      sub: clientId,
      client_id: clientId,
      aud: claims.audience,
      ente: claims.ente,
      scope: claims.scopes.join(' '),
      // An expired token was issued five minutes before it expired, like a real one.
      iat: lifetime < 0 ? now + lifetime - 300 : now,
      exp: now + lifetime,
      jti: randomUUID(),
      ...(claims.rateLimit === undefined ? {} : { rate_limit: claims.rateLimit }),
    };
    const header = {
      alg: this.key.alg,
      typ: options.typ ?? 'at+jwt',
      ...(options.omitKid ? {} : { kid: this.key.kid }),
    };
    if (options.alg === 'none') return unsignedToken({ ...header, alg: 'none' }, payload);
    const signer = options.signer === 'foreign' ? this.foreignKey : this.key;
    return encodeJws(header, payload, signer.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      // fetch keeps connections alive; close() would wait for them.
      this.server.closeAllConnections();
    });
  }
}
