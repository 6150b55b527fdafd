import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { isNonPublicAddress } from './address-policy';

/** Why a callback URL is refused, or null when it may be called. */
export type CallbackRefusal = string | null;

/** What can be told from the URL alone: https (http too in the sandbox), no credentials, a host. */
export function callbackUrlProblem(text: string, sandbox: boolean): CallbackRefusal {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'https:' && !(sandbox && url.protocol === 'http:'))
    return sandbox ? 'must be an http:// or https:// URL' : 'must be an https:// URL';
  if (url.username || url.password) return 'must not carry credentials';
  if (url.hash) return 'must not have a fragment';
  return null;
}

/**
 * The addresses `host` resolves to, refused if any of them is not public (outside the sandbox).
 * Called when a subscription is saved and again, inside the connection, at every delivery: a name
 * that resolved to a public address yesterday may resolve to 127.0.0.1 today (DNS rebinding).
 */
export async function resolveCallbackHost(
  host: string,
  sandbox: boolean,
): Promise<{ addresses: { address: string; family: number }[] } | { refused: string }> {
  const bare = host.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIP(bare)) addresses = [{ address: bare, family: isIP(bare) }];
  else {
    try {
      addresses = await lookup(bare, { all: true, verbatim: true });
    } catch {
      return { refused: `host ${bare} does not resolve` };
    }
  }
  if (!sandbox && (bare.toLowerCase() === 'localhost' || addresses.some((a) => isNonPublicAddress(a.address))))
    return { refused: `host ${bare} is a private, loopback or link-local address` };
  return { addresses };
}
