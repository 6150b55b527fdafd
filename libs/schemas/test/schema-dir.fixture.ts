import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SchemaDirFixture {
  dir: string;
  remove(): void;
}

/** A throw-away schemas/ directory: relative path → JSON value (or raw text, written as is). */
export function schemaDir(files: Record<string, unknown>): SchemaDirFixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'interscambio-schemas-'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A minimal valid record-type schema at schemas/<theme>/<type>/<major>.json, to vary per test. */
export function recordSchema(
  theme: string,
  type: string,
  major: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://schemas.interscambio.it/${theme}/${type}/${major}.json`,
    title: 'Prova',
    description: 'Un tipo di record per i test.',
    'x-interscambio-visibility': 'pubblico',
    type: 'object',
    additionalProperties: false,
    required: ['anno'],
    properties: { anno: { type: 'integer' }, nota: { type: 'string', maxLength: 20 } },
    examples: [{ anno: 2024 }],
    ...overrides,
  };
}

export function omit(schema: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...schema };
  delete copy[key];
  return copy;
}
