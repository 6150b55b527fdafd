import { ConfigError, optional, required } from '@interscambio/config';
import type { Env } from '@interscambio/config';

export interface ReceiptConfig {
  /** Derives the key that signs this service's write receipts (every replica derives the same). */
  receiptKeySecret: string;
  /** Earlier secrets: their keys stay in the JWKS so that receipts they signed can still be verified. */
  receiptRetiredKeySecrets: string[];
}

const SECRET = /^\S{32,}$/;

/** RECEIPT_KEY_SECRET (required, ≥ 32 characters), RECEIPT_RETIRED_KEY_SECRETS (comma-separated). */
export function receiptConfig(env: Env): ReceiptConfig {
  const receiptKeySecret = required(env, 'RECEIPT_KEY_SECRET', (v) => SECRET.test(v), 'at least 32 characters');
  const retired = optional(env, 'RECEIPT_RETIRED_KEY_SECRETS', /^\S+$/, 'secrets separated by commas') ?? '';
  const receiptRetiredKeySecrets = retired.split(',').filter((s) => s !== '');
  if (receiptRetiredKeySecrets.some((s) => !SECRET.test(s)))
    throw new ConfigError('RECEIPT_RETIRED_KEY_SECRETS', 'must hold secrets of at least 32 characters');
  return { receiptKeySecret, receiptRetiredKeySecrets };
}
