import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ente } from './ente.entity';
import type { EnteKind } from './ente.entity';

// The comuni of the Città Metropolitane di Palermo (82) and Messina (108) and the two Città
// Metropolitane. Fonte: ISTAT, Elenco dei comuni italiani, CC BY 3.0 IT (see data/comuni/README.md).
const ENTI_FILE = 'data/comuni/comuni-palermo-messina.json';

interface EntiFile {
  cittaMetropolitane: { codiceIstat: string; nome: string; provincia: { codice: string } }[];
  comuni: { codiceIstat: string; nome: string; provincia: { codice: string } }[];
}

export interface SeedEnte {
  codiceIstat: string;
  nome: string;
  kind: EnteKind;
  provincia: string;
}

export interface EntiSeedOutcome {
  total: number;
  added: number;
}

export function readEntiFile(file: string = defaultEntiFile()): SeedEnte[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as EntiFile;
  const of = (kind: EnteKind) => (e: EntiFile['comuni'][number]) => ({
    codiceIstat: e.codiceIstat,
    nome: e.nome,
    kind,
    provincia: e.provincia.codice,
  });
  return [...parsed.cittaMetropolitane.map(of('citta-metropolitana')), ...parsed.comuni.map(of('comune'))];
}

/**
 * Inserts the enti of the data file, and refreshes names and provinces of those already there.
 * What operators manage (enabled, codice IPA) is never touched, so running it again is harmless.
 */
export async function seedEnti(em: EntityManager, file?: string): Promise<EntiSeedOutcome> {
  const enti = readEntiFile(file);
  const before = await em.count(Ente);
  await em
    .createQueryBuilder(Ente)
    .insert(enti)
    .onConflict('codiceIstat')
    .merge(['nome', 'kind', 'provincia'])
    .execute('run');
  const total = await em.count(Ente);
  return { total, added: total - before };
}

/** Walks up from here (source, or dist/apps/registry/libs/…) to the repository holding data/comuni. */
function defaultEntiFile(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, ENTI_FILE);
    if (existsSync(file)) return file;
    if (path.dirname(dir) === dir) throw new Error(`No ${ENTI_FILE} in any directory above ${from}`);
  }
}
