import { ConfigError } from './config.error';

export type Env = Record<string, string | undefined>;

/** A variable that must be set and valid; `expected` completes "must be …" in the error. */
export function required(env: Env, name: string, valid: (v: string) => boolean, expected: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(name, `is required (${expected})`);
  if (!valid(value)) throw new ConfigError(name, `must be ${expected}`);
  return value;
}

export function optional(env: Env, name: string, pattern: RegExp, expected: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!pattern.test(value)) throw new ConfigError(name, `must be ${expected}`);
  return value;
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = optional(env, name, /^\d+$/, `an integer from ${min} to ${max}`);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `must be an integer from ${min} to ${max}`);
  return n;
}

/** An http(s) URL, without a trailing slash. */
export function httpUrl(env: Env, name: string): string | undefined {
  const value = optional(env, name, /^https?:\/\/[^\s/]+(\/\S*)?$/, 'an http:// or https:// URL');
  return value?.replace(/\/+$/, '');
}

/**
 * `<key>=<value>` pairs separated by commas (`prestazione=1825,*=3650`), in the order written; none
 * when unset. `key` and `value` are each named (for the error) and matched by an unanchored pattern;
 * a value may itself contain `=`.
 */
export function optionalPairs(
  env: Env,
  name: string,
  [keyName, key]: [string, RegExp],
  [valueName, value]: [string, RegExp],
): [string, string][] {
  const pair = `(?:${key.source})=(?:${value.source})`;
  const expected = `pairs <${keyName}>=<${valueName}> separated by commas`;
  const text = optional(env, name, new RegExp(`^${pair}(,${pair})*$`), expected);
  return (text?.split(',') ?? []).map((p) => {
    const at = p.indexOf('=');
    return [p.slice(0, at), p.slice(at + 1)];
  });
}
