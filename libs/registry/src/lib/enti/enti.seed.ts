import { loadEnti } from '@interscambio/enti';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Ente } from './ente.entity';

export interface EntiSeedOutcome {
  total: number;
  added: number;
}

/**
 * Inserts the enti of the data file, and refreshes names and provinces of those already there.
 * What operators manage (enabled, codice IPA) is never touched, so running it again is harmless.
 */
export async function seedEnti(em: EntityManager, file?: string): Promise<EntiSeedOutcome> {
  const enti = loadEnti(file).map((e) => ({
    codiceIstat: e.codiceIstat,
    nome: e.nome,
    kind: e.kind,
    provincia: e.provincia.codice,
  }));
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
