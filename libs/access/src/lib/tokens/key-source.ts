import type { KeyObject } from 'node:crypto';
import { JwtError } from './jwt.error';
import { quote } from './jwt.text';
import { failureReason, fetchJwks } from './jwks.fetch';

/** Where a verifier finds the public key a token names by kid. */
export interface KeySource {
  key(kid: string): Promise<KeyObject | undefined>;
}

export interface JwksClientOptions {
  url: string;
  minRefreshIntervalMs?: number;
  maxAgeMs?: number;
  timeoutMs?: number;
}

/**
 * The issuer's JWKS, fetched on first use and cached by kid. An unknown kid triggers a refetch (key
 * rotation), but at most one per `minRefreshIntervalMs` and one at a time, so tokens with made-up
 * kids cannot turn into a flood of requests to the registry.
 */
export class JwksClient implements KeySource {
  private keys = new Map<string, KeyObject>();
  private fetchedAt?: number;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private failure?: string;
  private inFlight?: Promise<void>;
  private readonly minRefreshIntervalMs: number;
  private readonly maxAgeMs: number;
  private readonly timeoutMs: number;
  /** The URL for messages, without credentials. */
  private readonly url: string;

  constructor(private readonly options: JwksClientOptions) {
    this.url = withoutCredentials(options.url);
    this.minRefreshIntervalMs = options.minRefreshIntervalMs ?? 1000;
    this.maxAgeMs = options.maxAgeMs ?? 600_000;
    this.timeoutMs = options.timeoutMs ?? 5000;
  }

  async key(kid: string): Promise<KeyObject | undefined> {
    const cached = this.keys.get(kid);
    if (cached) {
      // Stale keys keep working while the refresh runs: a registry outage must not stop verification.
      if (this.isStale() && this.mayAttempt()) void this.refresh();
      return cached;
    }
    if (this.inFlight || this.mayAttempt()) await this.refresh();
    const key = this.keys.get(kid);
    if (key || this.failure === undefined) return key;
    const unreachable = `JWKS at ${this.url} did not answer: ${this.failure}.`;
    if (this.fetchedAt === undefined) throw new JwtError('keys-unavailable', `The registry's ${unreachable}`);
    throw new JwtError('keys-unavailable', `No key ${quote(kid)} is cached and the registry's ${unreachable}`);
  }

  private isStale(): boolean {
    return this.fetchedAt !== undefined && Date.now() - this.fetchedAt >= this.maxAgeMs;
  }

  private mayAttempt(): boolean {
    return Date.now() - this.attemptedAt >= this.minRefreshIntervalMs;
  }

  /** Never rejects: the outcome is in `keys`, `fetchedAt` and `failure`. */
  private refresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    this.attemptedAt = Date.now();
    this.inFlight = fetchJwks(this.options.url, this.timeoutMs)
      .then(
        (keys) => {
          this.keys = keys;
          this.fetchedAt = Date.now();
          this.failure = undefined;
        },
        (error: unknown) => {
          this.failure = failureReason(error, this.timeoutMs).replaceAll(this.options.url, this.url);
        },
      )
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}
