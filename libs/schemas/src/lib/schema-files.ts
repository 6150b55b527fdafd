// Reads schemas/ without compiling anything. Kept free of runtime imports from this library so that
// tools/scripts/generate-types.ts can load it under Node's type stripping (which needs `.ts` specifiers).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SCHEMA_ID_BASE = 'https://schemas.interscambio.it/';

export interface SchemaFile {
  file: string;
  theme: string;
  type: string;
  major: number;
  /** Set only for an earlier minor kept in `<type>/history/<major>.<minor>.json`. */
  minor?: number;
  schema: Record<string, unknown>;
}

export interface SchemaProblem {
  file: string;
  code: 'schema-dir-missing' | 'schema-location' | 'schema-json' | 'schema-id';
  reason: string;
}

const NAME = '[a-z][a-z0-9]*(?:-[a-z0-9]+)*';
const NUMBER = '(0|[1-9][0-9]*)';
const CURRENT = new RegExp(`^(${NAME})/(${NAME})/${NUMBER}\\.json$`);
const HISTORY = new RegExp(`^(${NAME})/(${NAME})/history/${NUMBER}\\.${NUMBER}\\.json$`);
// Documents a type must refuse, exercised through each theme's HTTP API; not schemas.
const INVALID_EXAMPLE = new RegExp(`^${NAME}/${NAME}/invalid/[^/]+\\.json$`);

export function schemaId(theme: string, type: string, major: number): string {
  return `${SCHEMA_ID_BASE}${theme}/${type}/${major}.json`;
}

export function readSchemaFiles(dir: string): { files: SchemaFile[]; problems: SchemaProblem[] } {
  if (!existsSync(dir))
    return { files: [], problems: [{ file: dir, code: 'schema-dir-missing', reason: 'no such directory' }] };
  const files: SchemaFile[] = [];
  const problems: SchemaProblem[] = [];
  const relatives = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json'));
  const schemaPaths = relatives.map((r) => r.split(path.sep).join('/')).filter((r) => !INVALID_EXAMPLE.test(r));
  for (const relative of schemaPaths.sort()) {
    const file = path.join(dir, relative);
    const match = CURRENT.exec(relative) ?? HISTORY.exec(relative);
    if (!match || Number(match[3]) < 1) {
      const reason = 'expected <theme>/<type>/<major>.json (major ≥ 1) or <theme>/<type>/history/<major>.<minor>.json';
      problems.push({ file, code: 'schema-location', reason });
      continue;
    }
    const [, theme, type, major, minor] = match;
    const parsed = parse(file);
    if (typeof parsed === 'string') {
      problems.push({ file, code: 'schema-json', reason: parsed });
      continue;
    }
    const expected = schemaId(theme, type, Number(major));
    if (parsed.$id !== expected) {
      const found = parsed.$id === undefined ? 'no $id' : `$id ${JSON.stringify(parsed.$id)}`;
      problems.push({ file, code: 'schema-id', reason: `has ${found}; its path requires "${expected}"` });
      continue;
    }
    files.push({
      file,
      theme,
      type,
      major: Number(major),
      minor: minor === undefined ? undefined : Number(minor),
      schema: parsed,
    });
  }
  return { files, problems };
}

function parse(file: string): Record<string, unknown> | string {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : 'is not a JSON object';
  } catch (error) {
    return `is not valid JSON: ${(error as Error).message}`;
  }
}
