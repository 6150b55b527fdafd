// The TypeScript types of the record types, generated from schemas/ so that no DTO repeats a schema.
// Loaded by tools/scripts/generate-types.ts under Node's type stripping: erasable syntax and no
// runtime import from this library. Not exported from the library: it pulls in dev-only packages.
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';
import type { JSONSchema } from 'json-schema-to-typescript';
import { format, resolveConfig } from 'prettier';
import type { SchemaFile } from './schema-files';

/** libs/schemas/src/generated/<theme>.ts, given libs/schemas/src. */
export function generatedTypesFile(sourceDir: string, theme: string): string {
  return path.join(sourceDir, 'generated', `${theme}.ts`);
}

/** `posizione-debitoria` major 1 → `PosizioneDebitoriaV1`. */
export function typeName(type: string, major: number): string {
  return `${pascal(type)}V${major}`;
}

function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

/** The source of generated/<theme>.ts: one type per major (named after type and major), and the latest major without suffix. */
export async function generateThemeTypes(theme: string, files: SchemaFile[], target: string): Promise<string> {
  const current = files.filter((f) => f.theme === theme && f.minor === undefined);
  current.sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.major - b.major));
  const chunks: string[] = [];
  const latest = new Map<string, number>();
  for (const f of current) {
    chunks.push(await compileOne(f));
    latest.set(f.type, f.major);
  }
  const aliases = [...latest].map(
    ([type, major]) => `/** The latest major of ${type}. */\nexport type ${pascal(type)} = ${typeName(type, major)};`,
  );
  const banner = `// Generated from schemas/${theme} by \`node tools/scripts/generate-types.ts\`. Do not edit: change the schemas and run it again.`;
  const source = [banner, ...chunks, ...aliases].join('\n\n');
  return format(source, { ...(await resolveConfig(target)), parser: 'typescript' });
}

async function compileOne(f: SchemaFile): Promise<string> {
  const name = typeName(f.type, f.major);
  const id = f.schema.$id;
  // Every named subschema is prefixed with its root's name, so two types (or two majors) of a theme never clash.
  const customName = (schema: JSONSchema, key: string | undefined): string | undefined => {
    if (schema.$id === id) return name;
    const own = key ?? schema.title;
    return typeof own === 'string' ? name + pascal(own) : undefined;
  };
  const options = {
    bannerComment: '',
    format: false,
    unknownAny: true,
    strictIndexSignatures: true,
    // The default spells a bounded array as a union of every tuple length (`[] | [T] | [T, T] …`),
    // unreadable and no stricter than T[] for the code: ajv checks the bound.
    maxItems: -1,
    cwd: path.dirname(f.file),
    customName,
  };
  return compile(structuredClone(f.schema) as JSONSchema, name, options);
}
