// The sandbox's secrets, kept in .devstack/ (git-ignored) so that every `npm start` finds the same:
// the secret that encrypts the registry's signing keys, and the demo clients the registry's
// `sandbox` command writes (and prints a curl example for) for integrators and the demo seed.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './stack-env.ts';

const devstack = path.join(root, '.devstack');
export const sandboxCredentials = path.join(devstack, 'sandbox-credentials.json');
/** The console's sandbox operator's password, generated at the first start by the registry's `sandbox-operator`. */
export const consoleOperator = path.join(devstack, 'console-operator-password');

/** REGISTRY_KEY_SECRET from the environment, else the one generated on the first start. */
export function registryKeySecret(): string {
  return process.env.REGISTRY_KEY_SECRET || kept('registry-key-secret');
}

/** RECEIPT_KEY_SECRET (the theme services derive the keys that sign their write receipts from it). */
export function receiptKeySecret(): string {
  return process.env.RECEIPT_KEY_SECRET || kept('receipt-key-secret');
}

/** A secret generated once into .devstack/ (mode 0600), the same at every start. */
function kept(name: string): string {
  const file = path.join(devstack, name);
  if (!existsSync(file)) {
    mkdirSync(devstack, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
