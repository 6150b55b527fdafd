import { comuni } from '@interscambio/enti';
import { generateRecords } from '@interscambio/fixtures';
import { THEME, TYPE } from './documents';
import type { LoadRequest } from './http-load';

/** Valid documents of each comune of Palermo and Messina (082xxx, 083xxx), as JSON, by ente. */
export function documentsByEnte(perEnte = 4): Map<string, string[]> {
  const byEnte = new Map<string, string[]>();
  for (const r of generateRecords({ theme: THEME, type: TYPE, enti: comuni('all'), perEnte, seed: 1 }))
    byEnte.set(r.ente, [...(byEnte.get(r.ente) ?? []), JSON.stringify(r.data)]);
  return byEnte;
}

interface BatchAnswer {
  items?: { status: number; errors?: unknown }[];
}

/**
 * Writes of records never written before, the comuni taking turns; each request carries the token
 * of the ente it writes for (none for the bare server, which checks none).
 */
export class RecordRequests {
  private readonly enti: string[];
  private written = 0;
  private requests = 0;

  constructor(
    private readonly documents: Map<string, string[]>,
    /** `/<theme>/v1/records/<type>` */
    private readonly basePath: string,
    private readonly token?: (ente: string) => string,
  ) {
    this.enti = [...documents.keys()];
  }

  put(): LoadRequest {
    const { ente, n } = this.turn();
    const key = `bench-${this.written++}`;
    return {
      method: 'PUT',
      path: `${this.basePath}/${ente}/${key}`,
      headers: this.headers(ente),
      body: this.document(ente, n),
      addresses: [`${ente}/${key}`],
    };
  }

  batch(size: number): LoadRequest {
    const { ente, n } = this.turn();
    const keys = Array.from({ length: size }, () => `bench-${this.written++}`);
    const items = keys.map((key, i) => `{"ente":"${ente}","key":"${key}","data":${this.document(ente, n + i)}}`);
    return {
      method: 'POST',
      path: `${this.basePath}/batch`,
      headers: this.headers(ente),
      body: `{"items":[${items.join(',')}]}`,
      addresses: keys.map((key) => `${ente}/${key}`),
      problem: (body) => {
        const answered = (JSON.parse(body) as BatchAnswer).items ?? [];
        const rejected = answered.filter((item) => item.status !== 200 && item.status !== 201);
        if (answered.length !== size) return `a batch of ${size} answered for ${answered.length} items`;
        if (rejected.length > 0) return `a batch rejected ${rejected.length} items: ${JSON.stringify(rejected[0])}`;
        return undefined;
      },
    };
  }

  private turn(): { ente: string; n: number } {
    const n = this.requests++;
    return { ente: this.enti[n % this.enti.length] as string, n: Math.floor(n / this.enti.length) };
  }

  private document(ente: string, n: number): string {
    const documents = this.documents.get(ente) ?? [];
    return documents[n % documents.length] as string;
  }

  private headers(ente: string): Record<string, string> {
    return {
      'content-type': 'application/json',
      ...(this.token ? { authorization: `Bearer ${this.token(ente)}` } : {}),
    };
  }
}
