import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import type { FilterQuery } from '@mikro-orm/core';
import { BadRequestError } from '@interscambio/http';
import { NotFoundError } from '../http/registry.errors';
import { RegistryDatabase } from '../storage/registry.database';
import { revocation, RevocationOutbox } from '../messaging/revocation.outbox';
import { Ente } from './ente.entity';
import type { EntePatch } from './ente.schemas';
import { enteView } from './ente.view';
import type { EnteView } from './ente.view';

export interface EntiQuery {
  provincia?: string;
  enabled?: string;
}

@Injectable()
export class EntiService {
  constructor(
    private readonly db: RegistryDatabase,
    private readonly revocations: RevocationOutbox,
  ) {}

  async list(query: EntiQuery): Promise<EnteView[]> {
    const where: FilterQuery<Ente> = {};
    if (query.provincia !== undefined) {
      if (!/^[0-9]{3}$/.test(query.provincia))
        throw new BadRequestError('invalid-query', {
          it: `provincia deve essere un codice di tre cifre (082, 083), non "${query.provincia}".`,
          en: `provincia must be a three-digit code (082, 083), not "${query.provincia}".`,
        });
      where.provincia = query.provincia;
    }
    if (query.enabled !== undefined) {
      if (query.enabled !== 'true' && query.enabled !== 'false')
        throw new BadRequestError('invalid-query', {
          it: `enabled deve essere true o false, non "${query.enabled}".`,
          en: `enabled must be true or false, not "${query.enabled}".`,
        });
      where.enabled = query.enabled === 'true';
    }
    const enti = await this.db.em.find(Ente, where, { orderBy: { codiceIstat: 'asc' } });
    return enti.map(enteView);
  }

  async get(code: string): Promise<EnteView> {
    return enteView(await this.find(code));
  }

  /** Disabling an ente revokes its clients' tokens at every theme; enabling it lifts that. */
  async patch(code: string, change: EntePatch): Promise<EnteView> {
    await this.find(code);
    const ente = await this.revocations.change(async (tx) => {
      const ente = (await tx.findOne(Ente, { codiceIstat: code }, { lockMode: LockMode.PESSIMISTIC_WRITE })) as Ente;
      const toggled = change.enabled !== undefined && change.enabled !== ente.enabled;
      if (change.enabled !== undefined) ente.enabled = change.enabled;
      if (change.codiceIpa !== undefined) ente.codiceIpa = change.codiceIpa;
      ente.updatedAt = new Date();
      const revocations = toggled ? [revocation('ente', code, null, !ente.enabled, ente.updatedAt)] : [];
      return { result: ente, revocations };
    });
    return enteView(ente);
  }

  /** A known ente, or a 404 naming the code. */
  async find(code: string): Promise<Ente> {
    const ente = await this.db.em.findOne(Ente, { codiceIstat: code });
    if (!ente)
      throw new NotFoundError('ente-not-found', {
        it: `Nessun ente ha il codice ISTAT "${code}".`,
        en: `No ente has the ISTAT code "${code}".`,
      });
    return ente;
  }
}
