import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The comuni of the Città Metropolitane di Palermo (82) and Messina (108) and the two Città
// Metropolitane. Fonte: ISTAT, Elenco dei comuni italiani, CC BY 3.0 IT (see data/comuni/README.md).
const ENTI_FILE = 'data/comuni/comuni-palermo-messina.json';

export type EnteKind = 'comune' | 'citta-metropolitana';

/** An ente that takes part: a comune or a città metropolitana, by its ISTAT code. */
export interface Ente {
  codiceIstat: string;
  nome: string;
  kind: EnteKind;
  /** The provincia (or città metropolitana) it belongs to: ISTAT code (082) and sigla (PA). */
  provincia: { codice: string; sigla: string };
  /** The Belfiore code of a comune; none for a città metropolitana. */
  codiceCatastale?: string;
}

/** A comune: it always has a Belfiore code. */
export type Comune = Ente & { kind: 'comune'; codiceCatastale: string };

export type ComuniFilter = 'palermo' | 'messina' | 'all';

type Entry = Omit<Ente, 'kind'>;
interface EntiFile {
  cittaMetropolitane: Entry[];
  comuni: (Entry & { codiceCatastale: string })[];
}

/** Every ente of the data file (or `file`), the città metropolitane first, then the comuni in ISTAT order. */
export function loadEnti(file: string = entiFile()): Ente[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as EntiFile;
  const of = (kind: EnteKind) => (e: Entry) => ({
    codiceIstat: e.codiceIstat,
    nome: e.nome,
    kind,
    provincia: { codice: e.provincia.codice, sigla: e.provincia.sigla },
    ...(e.codiceCatastale ? { codiceCatastale: e.codiceCatastale } : {}),
  });
  return [...parsed.cittaMetropolitane.map(of('citta-metropolitana')), ...parsed.comuni.map(of('comune'))];
}

let shared: ReadonlyMap<string, Ente> | undefined;

/** The enti of the repository's data file by ISTAT code, read once per process. */
export function entiByIstat(): ReadonlyMap<string, Ente> {
  shared ??= new Map(loadEnti().map((e) => [e.codiceIstat, e]));
  return shared;
}

const SIGLA: Record<Exclude<ComuniFilter, 'all'>, string> = { palermo: 'PA', messina: 'ME' };

/** The comuni of one Città Metropolitana, or of both, in ISTAT order. */
export function comuni(filter: ComuniFilter = 'all'): Comune[] {
  return [...entiByIstat().values()].filter(
    (e): e is Comune => e.kind === 'comune' && (filter === 'all' || e.provincia.sigla === SIGLA[filter]),
  );
}

/** Walks up from here (source, or dist/apps/<app>/libs/…) to the repository holding data/comuni. */
function entiFile(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const file = path.join(dir, ENTI_FILE);
    if (existsSync(file)) return file;
    if (path.dirname(dir) === dir) throw new Error(`No ${ENTI_FILE} in any directory above ${from}`);
  }
}
