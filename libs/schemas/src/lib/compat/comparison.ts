import { isSchemaObject, resolveLocalRef } from './json-values';
import type { SchemaObject } from './json-values';

/** Checks some keywords of a pair of schema objects; returns the reasons `newer` may reject what `older` accepted. */
export interface CompatRule {
  keywords: readonly string[];
  check(c: Comparison, older: SchemaObject, newer: SchemaObject, at: string): string[];
}

const MAX_DEPTH = 64;

/**
 * A conservative proof that every instance of `older` is an instance of `newer`: a reason is
 * returned whenever inclusion cannot be shown, even if it might hold. `at` is a JSON pointer into
 * the newer schema, used in the reasons.
 */
export class Comparison {
  private readonly active: [SchemaObject, SchemaObject][] = [];

  constructor(
    private readonly olderRoot: unknown,
    private readonly newerRoot: unknown,
    private readonly rules: readonly CompatRule[],
  ) {}

  compare(older: unknown, newer: unknown, at: string): string[] {
    if (newer === true || older === false) return [];
    if (newer === false) return [`${at || '/'}: accepts nothing any more`];
    const o = older === true ? {} : older;
    if (!isSchemaObject(o) || !isSchemaObject(newer)) return [`${at || '/'}: is not a schema`];
    // Back at a pair already being compared (a recursive $ref): inclusion is assumed, the rest proves it.
    if (this.active.some(([a, b]) => a === o && b === newer)) return [];
    if (this.active.length >= MAX_DEPTH) return [`${at || '/'}: nested too deeply to compare`];
    this.active.push([o, newer]);
    try {
      return this.compareObjects(o, newer, at);
    } finally {
      this.active.pop();
    }
  }

  /** The same check with the roles of the two schemas swapped (for `not`, whose inclusion runs backwards). */
  reversed(): Comparison {
    return new Comparison(this.newerRoot, this.olderRoot, this.rules);
  }

  /** Both ways: for keywords (if, oneOf) whose change is compatible only when it changes nothing. */
  equivalent(older: unknown, newer: unknown, at: string): boolean {
    return this.compare(older, newer, at).length === 0 && this.reversed().compare(newer, older, at).length === 0;
  }

  private compareObjects(o: SchemaObject, n: SchemaObject, at: string): string[] {
    if (typeof n.$ref === 'string') return this.viaNewerRef(o, n, n.$ref, at);
    if (typeof o.$ref === 'string') return this.viaOlderRef(o, n, o.$ref, at);
    return this.rules.flatMap((rule) => rule.check(this, o, n, at));
  }

  private viaNewerRef(o: SchemaObject, n: SchemaObject, ref: string, at: string): string[] {
    const siblings = withoutRef(n);
    if (o.$ref === ref && !ref.startsWith('#')) return this.compare(withoutRef(o), siblings, at);
    const target = resolveLocalRef(this.newerRoot, ref);
    if (target === undefined) return [`${at || '/'}: cannot follow $ref "${ref}"`];
    return [...this.compare(o, target, ref.slice(1)), ...this.compare(o, siblings, at)];
  }

  private viaOlderRef(o: SchemaObject, n: SchemaObject, ref: string, at: string): string[] {
    const target = resolveLocalRef(this.olderRoot, ref);
    const viaTarget =
      target === undefined ? [`${at || '/'}: cannot follow the older $ref "${ref}"`] : this.compare(target, n, at);
    if (viaTarget.length === 0) return [];
    return this.compare(withoutRef(o), n, at).length === 0 ? [] : viaTarget;
  }
}

function withoutRef(schema: SchemaObject): SchemaObject {
  const copy = { ...schema };
  delete copy.$ref;
  return copy;
}
