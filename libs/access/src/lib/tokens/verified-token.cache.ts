import type { AccessToken } from './access-token';
import type { JwtClaims } from './jwt';

interface Entry {
  signingInput: string;
  claims: JwtClaims;
  token: AccessToken;
}

/** Tokens whose signature was checked, least recently used first (Map keeps insertion order). */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly size: number) {}

  /** Keyed by the signature, but a hit must also have the very same header and payload. */
  get(signature: string, signingInput: string): Entry | undefined {
    const entry = this.entries.get(signature);
    if (!entry || entry.signingInput !== signingInput) return undefined;
    this.entries.delete(signature);
    this.entries.set(signature, entry);
    return entry;
  }

  set(signature: string, entry: Entry): void {
    if (this.size <= 0) return;
    this.entries.delete(signature);
    this.entries.set(signature, entry);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(signature: string): void {
    this.entries.delete(signature);
  }
}
