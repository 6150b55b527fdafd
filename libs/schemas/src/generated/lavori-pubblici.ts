// Generated from schemas/lavori-pubblici by `node tools/scripts/generate-types.ts`. Do not edit: change the schemas and run it again.

/**
 * Un cantiere aperto su suolo pubblico (di un'opera pubblica, di un gestore di reti o di un privato autorizzato): dove, quando e con quale impatto sul traffico. La chiave del record è l'identificativo del cantiere (o dell'autorizzazione di manomissione del suolo) nel gestionale del comune; il comune è l'ente che pubblica.
 */
export interface CantiereV1 {
  /**
   * Chiave del record opera-pubblica dello stesso comune, se il cantiere ne realizza una.
   */
  operaPubblica?: string;
  /**
   * Cosa si fa nel cantiere.
   */
  descrizione?: string;
  /**
   * L'area occupata: un indirizzo descrittivo e un punto, un perimetro, o entrambi; senza perimetro il punto è obbligatorio.
   */
  area: {
    /**
     * Dove si trova, in parole (es. via Maqueda, tra via Divisi e piazza Pretoria).
     */
    indirizzo: string;
    posizione?: CantiereV1Punto;
    /**
     * Il perimetro dell'area come poligono: i vertici in ordine, senza ripetere il primo.
     *
     * @minItems 3
     * @maxItems 500
     */
    perimetro?: [CantiereV1Punto, CantiereV1Punto, CantiereV1Punto, ...CantiereV1Punto[]];
  };
  /**
   * Primo giorno di occupazione.
   */
  dataInizio: string;
  /**
   * Ultimo giorno di occupazione previsto; non precede la data di inizio (regola del tema).
   */
  dataFine: string;
  /**
   * Impatto sulla circolazione.
   */
  impattoTraffico: 'nessuno' | 'basso' | 'medio' | 'alto' | 'chiusura-strada';
  /**
   * Le strade su cui il cantiere incide (occupazione, restringimento, deviazione, chiusura).
   *
   * @minItems 1
   * @maxItems 100
   */
  stradeCoinvolte: [string, ...string[]];
  /**
   * L'impresa che esegue i lavori, come sul cartello di cantiere.
   */
  impresaEsecutrice?: {
    /**
     * Ragione sociale.
     */
    denominazione: string;
    /**
     * Partita IVA: 11 cifre.
     */
    partitaIva: string;
  };
  /**
   * L'ordinanza di viabilità che regola il traffico durante i lavori.
   */
  ordinanza?: {
    /**
     * Numero dell'ordinanza.
     */
    numero: string;
    /**
     * Data dell'ordinanza.
     */
    data: string;
  };
}
/**
 * Un punto in gradi decimali WGS84 (EPSG:4326).
 */
export interface CantiereV1Punto {
  /**
   * Latitudine.
   */
  lat: number;
  /**
   * Longitudine.
   */
  lon: number;
}

/**
 * Un'opera pubblica del comune, dalla programmazione al collaudo: CUP, CIG dell'appalto principale, importo, fase e avanzamento, tempi e posizione. La chiave del record è l'identificativo dell'opera nel programma triennale o nel gestionale del comune; il comune è l'ente che pubblica.
 */
export interface OperaPubblicaV1 {
  /**
   * Codice Unico di Progetto (DIPE, legge 3/2003): 15 caratteri, es. D71B21003450001.
   */
  cup: string;
  /**
   * Codice Identificativo Gara (ANAC) dell'appalto principale: 10 caratteri alfanumerici maiuscoli.
   */
  cig?: string;
  /**
   * Titolo dell'opera, come nel programma triennale.
   */
  titolo: string;
  /**
   * Descrizione dell'intervento.
   */
  descrizione?: string;
  /**
   * Importo complessivo del quadro economico in centesimi di euro (125000000 = 1.250.000,00 €).
   */
  importo: number;
  /**
   * Avanzamento dei lavori in percentuale (0–100), dall'ultimo stato di avanzamento lavori.
   */
  statoAvanzamento: number;
  /**
   * Fase in cui si trova l'opera.
   */
  fase: 'programmazione' | 'progettazione' | 'affidamento' | 'esecuzione' | 'sospesa' | 'collaudo' | 'conclusa';
  /**
   * Da dove vengono le risorse.
   *
   * @minItems 1
   */
  fontiFinanziamento?: [
    'comunale' | 'regionale' | 'statale' | 'pnrr' | 'fondi-ue' | 'privato' | 'mutuo',
    ...('comunale' | 'regionale' | 'statale' | 'pnrr' | 'fondi-ue' | 'privato' | 'mutuo')[],
  ];
  /**
   * Data di consegna dei lavori.
   */
  dataInizio?: string;
  /**
   * Data di ultimazione prevista dal contratto (con le proroghe concesse).
   */
  dataFinePrevista?: string;
  posizione: OperaPubblicaV1Posizione;
}
/**
 * Un punto rappresentativo dell'opera, in gradi decimali WGS84 (EPSG:4326).
 */
export interface OperaPubblicaV1Posizione {
  /**
   * Latitudine.
   */
  lat: number;
  /**
   * Longitudine.
   */
  lon: number;
}

/** The latest major of cantiere. */
export type Cantiere = CantiereV1;

/** The latest major of opera-pubblica. */
export type OperaPubblica = OperaPubblicaV1;
