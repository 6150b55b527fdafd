// The sandbox's secrets, kept in .devstack/ (git-ignored) so that every `npm start` finds the same:
// the secret that encrypts the registry's signing keys, and the demo clients the registry's
// `sandbox` command writes (and prints a curl example for) for integrators and the demo seed.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './stack-env.ts';

const devstack = path.join(root, '.devstack');
export const sandboxCredentials = path.join(devstack, 'sandbox-credentials.json');

/** REGISTRY_KEY_SECRET from the environment, else the one generated on the first start. */
export function registryKeySecret(): string {
  if (process.env.REGISTRY_KEY_SECRET) return process.env.REGISTRY_KEY_SECRET;
  const file = path.join(devstack, 'registry-key-secret');
  if (!existsSync(file)) {
    mkdirSync(devstack, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
