import { Injectable } from '@nestjs/common';
import { entiByIstat } from '@interscambio/enti';
import { quoteIdentifier } from '@interscambio/persistence';
import { ConsoleSettings } from '../console.settings';

export interface EnteView {
  codiceIstat: string;
  nome: string;
  records: Record<string, number>;
  lastActivity: Date | null;
  clients: number;
  agreements: number;
}

/** Enti: per comune, the records it published per theme, its last write, its API clients and active agreements. */
@Injectable()
export class EntiSource {
  constructor(private readonly settings: ConsoleSettings) {}

  async list(): Promise<EnteView[]> {
    const sql = this.settings.db.pool;
    const byEnte = new Map<string, EnteView>();
    const of = (codice: string): EnteView => {
      let view = byEnte.get(codice);
      if (!view) {
        view = {
          codiceIstat: codice,
          nome: entiByIstat().get(codice)?.nome ?? codice,
          records: {},
          lastActivity: null,
          clients: 0,
          agreements: 0,
        };
        byEnte.set(codice, view);
      }
      return view;
    };
    for (const theme of this.settings.themeServices()) {
      const { rows } = await sql
        .query<{ ente: string; n: number; last: Date }>(
          `select ente, count(*)::int as n, max(updated_at) as last from ${quoteIdentifier(theme.schema)}.record
           where deleted_at is null group by ente`,
        )
        .catch(() => ({ rows: [] }));
      for (const r of rows) {
        const view = of(r.ente);
        view.records[theme.name] = r.n;
        if (!view.lastActivity || r.last > view.lastActivity) view.lastActivity = r.last;
      }
    }
    const registry = this.settings.services.find((s) => s.name === 'registry');
    if (registry) {
      const schema = quoteIdentifier(registry.schema);
      const { rows } = await sql
        .query<{ ente: string; clients: number; agreements: number }>(
          `select e.codice_istat as ente,
             (select count(*)::int from ${schema}.api_client c where c.ente = e.codice_istat and c.revoked_at is null) as clients,
             (select count(*)::int from ${schema}.agreement a where (a.consumer = e.codice_istat or a.publisher = e.codice_istat)
               and a.status = 'active') as agreements
           from ${schema}.ente e`,
        )
        .catch(() => ({ rows: [] }));
      for (const r of rows) if (r.clients > 0 || r.agreements > 0 || byEnte.has(r.ente)) Object.assign(of(r.ente), r);
    }
    return [...byEnte.values()].sort((a, b) => a.nome.localeCompare(b.nome, 'it'));
  }
}
