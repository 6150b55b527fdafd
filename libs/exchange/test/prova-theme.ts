import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ThemeOptions } from '../src/index';

/** The three visibilities, one record type each, of the throw-away theme `prova`. */
export const PROVA_TYPES = { avviso: 'pubblico', pratica: 'riservato', fascicolo: 'personale' } as const;

export type ProvaType = keyof typeof PROVA_TYPES;

export interface ProvaTheme {
  theme: ThemeOptions;
  /** Deletes the schemas directory. */
  remove(): void;
}

function recordSchema(type: string, visibility: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://schemas.interscambio.it/prova/${type}/1.json`,
    title: `Prova ${type}`,
    description: `Un tipo di record ${visibility} per i test di accesso.`,
    'x-interscambio-visibility': visibility,
    type: 'object',
    additionalProperties: false,
    required: ['anno'],
    properties: { anno: { type: 'integer' }, nota: { type: 'string', maxLength: 40 } },
    examples: [{ anno: 2024 }],
  };
}

/** The theme `prova` on a schemas directory of its own: avviso (pubblico), pratica (riservato), fascicolo (personale). */
export function provaTheme(): ProvaTheme {
  const dir = mkdtempSync(path.join(tmpdir(), 'interscambio-prova-'));
  for (const [type, visibility] of Object.entries(PROVA_TYPES)) {
    const file = path.join(dir, 'prova', type, '1.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(recordSchema(type, visibility), null, 2));
  }
  return {
    theme: { theme: 'prova', defaultPort: 0, schemasDir: dir },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
