import { TestIssuer } from '@interscambio/access/testing';

const RENEW_AFTER_MS = 120_000;

/**
 * Stands in for the registry: one client per ente with records:read and records:write, whose
 * tokens the service verifies against a JWKS served over HTTP. A token is renewed well before its
 * five minutes are up, since a scenario can outlast one.
 */
export class Clients {
  private readonly tokens = new Map<string, { token: string; at: number }>();

  private constructor(
    private readonly issuer: TestIssuer,
    private readonly audience: string,
  ) {}

  static async start(audience: string): Promise<Clients> {
    return new Clients(await TestIssuer.start(), audience);
  }

  get jwksUrl(): string {
    return this.issuer.jwksUrl;
  }

  /** The Authorization header of ente's client. */
  as(ente: string): { authorization: string } {
    let current = this.tokens.get(ente);
    if (!current || performance.now() - current.at > RENEW_AFTER_MS) {
      const token = this.issuer.token({ ente, scopes: ['records:read', 'records:write'], audience: this.audience });
      current = { token, at: performance.now() };
      this.tokens.set(ente, current);
    }
    return { authorization: `Bearer ${current.token}` };
  }

  stop(): Promise<void> {
    return this.issuer.stop();
  }
}
