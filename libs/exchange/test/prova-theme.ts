import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ThemeOptions } from '../src/index';

/** The three visibilities, one record type each, of the throw-away theme `prova`. */
export const PROVA_TYPES = { avviso: 'pubblico', pratica: 'riservato', fascicolo: 'personale' } as const;

export type ProvaType = keyof typeof PROVA_TYPES;

/** Where the REST API of `prova` answers, as every theme's under `/<theme>/v1`. */
export const PROVA_BASE = '/prova/v1';

export interface ProvaTheme {
  theme: ThemeOptions;
  /** Deletes the schemas directory. */
  remove(): void;
}

function recordSchema(type: string, visibility: string, open = false): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://schemas.interscambio.it/prova/${type}/1.json`,
    title: `Prova ${type}`,
    description: `Un tipo di record ${visibility} per i test di accesso.`,
    'x-interscambio-visibility': visibility,
    type: 'object',
    additionalProperties: open,
    required: ['anno'],
    properties: { anno: { type: 'integer' }, nota: { type: 'string', maxLength: 40 } },
    examples: [{ anno: 2024 }],
  };
}

/** A riservato type whose schema admits any further property, added by `provaTheme({ openType: true })`. */
export const PROVA_OPEN_TYPE = 'verbale';

/**
 * The theme `prova` on a schemas directory of its own: avviso (pubblico), pratica (riservato),
 * fascicolo (personale); with `openType`, also verbale (riservato, additionalProperties allowed).
 */
export function provaTheme(options: { openType?: boolean } = {}): ProvaTheme {
  const dir = mkdtempSync(path.join(tmpdir(), 'interscambio-prova-'));
  const types: [string, string, boolean][] = Object.entries(PROVA_TYPES).map(([type, v]) => [type, v, false]);
  if (options.openType) types.push([PROVA_OPEN_TYPE, 'riservato', true]);
  for (const [type, visibility, open] of types) {
    const file = path.join(dir, 'prova', type, '1.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(recordSchema(type, visibility, open), null, 2));
  }
  return {
    theme: { theme: 'prova', defaultPort: 0, schemasDir: dir },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
