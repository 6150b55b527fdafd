import type { KeyObject } from 'node:crypto';
import { importPublicJwk, JwtError } from '@interscambio/access';
import type { Jwk, KeySource, SigningKey } from '@interscambio/access';
import type { StoredSigningKey } from './signing-key.entity';
import type { Rotation, SigningKeyStore } from './signing-key.store';

// Another replica may rotate: this one picks up the new active key within this time. Tokens it
// signs meanwhile with the retired key still verify, as retired keys stay published for 2 × TTL.
const SIGNER_MAX_AGE_MS = 30_000;
// Tokens naming an unknown kid trigger a reload, but not more often than this.
const MIN_RELOAD_INTERVAL_MS = 1000;

/**
 * The registry's keys as it uses them: the active one to sign tokens, the published ones (active,
 * and retired less than 2 × token lifetime ago) to verify tokens for its own API and for the JWKS.
 */
export class KeyRing implements KeySource {
  private signing?: { key: SigningKey; loadedAt: number };
  private verifying = new Map<string, KeyObject>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private reloading?: Promise<void>;

  constructor(
    private readonly store: SigningKeyStore,
    private readonly tokenTtlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** At boot: creates the first key if needed and proves REGISTRY_KEY_SECRET decrypts the active one. */
  async ensureActive(): Promise<void> {
    this.useSigner(await this.store.ensureActive());
  }

  async signer(): Promise<SigningKey> {
    if (this.signing && this.now() - this.signing.loadedAt < SIGNER_MAX_AGE_MS) return this.signing.key;
    const row = await this.store.active();
    if (!row) throw new Error('The registry has no active signing key: was its table emptied after boot?');
    if (this.signing?.key.kid === row.kid) this.signing.loadedAt = this.now();
    else this.useSigner(row);
    return (this.signing as { key: SigningKey }).key;
  }

  async key(kid: string): Promise<KeyObject | undefined> {
    const known = this.verifying.get(kid);
    if (known && this.now() - this.loadedAt < SIGNER_MAX_AGE_MS) return known;
    if (!known && !this.reloading && this.now() - this.loadedAt < MIN_RELOAD_INTERVAL_MS) return undefined;
    try {
      await this.reload();
    } catch (error) {
      if (known) return known;
      throw new JwtError(
        'keys-unavailable',
        `The registry cannot read its signing keys: ${error instanceof Error ? error.message : String(error)}.`,
      );
    }
    return this.verifying.get(kid);
  }

  /** Read fresh on every call: a key another replica just created must be published at once. */
  async jwks(): Promise<{ keys: Jwk[] }> {
    return { keys: (await this.store.published(this.publishedSince())).map((row) => row.publicJwk) };
  }

  async rotate(): Promise<Rotation> {
    const rotation = await this.store.rotate();
    this.useSigner(rotation.active);
    this.loadedAt = Number.NEGATIVE_INFINITY;
    return rotation;
  }

  /** Retired keys signed tokens that live up to one TTL; twice that covers them and a lagging replica. */
  publishedSince(): Date {
    return new Date(this.now() - 2 * this.tokenTtlSeconds * 1000);
  }

  private useSigner(row: StoredSigningKey): void {
    this.signing = { key: this.store.unseal(row), loadedAt: this.now() };
  }

  private reload(): Promise<void> {
    this.reloading ??= this.store
      .published(this.publishedSince())
      .then((rows) => {
        this.verifying = new Map(rows.map((row) => [row.kid, importPublicJwk(row.publicJwk)]));
        this.loadedAt = this.now();
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }
}
