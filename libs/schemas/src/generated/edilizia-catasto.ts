// Generated from schemas/edilizia-catasto by `node tools/scripts/generate-types.ts`. Do not edit: change the schemas and run it again.

/**
 * Chi presenta la pratica, identificato dal codice fiscale oppure dalla partita IVA.
 */
export type PraticaEdiliziaV1Richiedente =
  | {
      /**
       * Codice fiscale: 16 caratteri per una persona fisica, 11 cifre per un soggetto diverso.
       */
      codiceFiscale: string;
      denominazione?: PraticaEdiliziaV1Denominazione;
    }
  | {
      /**
       * Partita IVA: 11 cifre.
       */
      partitaIva: string;
      denominazione?: PraticaEdiliziaV1Denominazione;
    };
/**
 * Cognome e nome, o ragione sociale.
 */
export type PraticaEdiliziaV1Denominazione = string;

/**
 * Un titolo o una comunicazione edilizia presentati allo Sportello Unico per l'Edilizia del comune (DPR 380/2001): SCIA, CILA, CILAS, permesso di costruire, segnalazione certificata di agibilità; con il richiedente, gli immobili interessati (riferimenti catastali) e lo stato dell'istruttoria. La chiave del record è l'identificativo della pratica nel gestionale SUE; il comune è l'ente che pubblica.
 */
export interface PraticaEdiliziaV1 {
  /**
   * Tipo di pratica: SCIA, CILA, CILAS (CILA Superbonus), permesso-di-costruire, SCA (segnalazione certificata di agibilità).
   */
  tipo: 'SCIA' | 'CILA' | 'CILAS' | 'permesso-di-costruire' | 'SCA';
  /**
   * Numero di protocollo generale assegnato alla presentazione (es. 2024/0154321).
   */
  numeroProtocollo: string;
  /**
   * Data di presentazione (di protocollazione) della pratica.
   */
  dataPresentazione: string;
  /**
   * Stato dell'istruttoria. rilasciata vale per il permesso di costruire; conclusa per le pratiche che si chiudono senza rilascio di un titolo (SCIA, CILA, SCA).
   */
  stato: 'presentata' | 'in-istruttoria' | 'sospesa' | 'rilasciata' | 'conclusa' | 'archiviata' | 'diniegata';
  /**
   * Data del rilascio, della conclusione, dell'archiviazione o del diniego.
   */
  dataConclusione?: string;
  /**
   * Descrizione sintetica dell'intervento.
   */
  oggetto?: string;
  richiedente: PraticaEdiliziaV1Richiedente;
  /**
   * Gli immobili interessati dall'intervento, per riferimento catastale (terreni: senza subalterno).
   *
   * @minItems 1
   * @maxItems 500
   */
  immobili: [PraticaEdiliziaV1RiferimentoCatastale, ...PraticaEdiliziaV1RiferimentoCatastale[]];
  /**
   * Chiavi dei record unita-immobiliare dello stesso comune che l'intervento ha variato (dopo il DOCFA).
   *
   * @maxItems 500
   */
  unitaImmobiliari?: string[];
}
/**
 * Un immobile nel catasto dell'Agenzia delle Entrate: comune catastale, foglio, particella e, per un'unità urbana, subalterno.
 */
export interface PraticaEdiliziaV1RiferimentoCatastale {
  /**
   * Codice catastale (Belfiore) del comune: una lettera e tre cifre, es. G273 Palermo.
   */
  codiceCatastaleComune: string;
  /**
   * Numero del foglio di mappa (fino a 4 caratteri).
   */
  foglio: string;
  /**
   * Numero di particella (mappale), fino a 5 caratteri.
   */
  particella: string;
  /**
   * Subalterno dell'unità immobiliare urbana, fino a 4 cifre.
   */
  subalterno?: string;
}

/**
 * Un'unità immobiliare urbana come risulta al catasto fabbricati (identificativo, categoria, classe, consistenza, rendita) e all'indirizzo del comune. La chiave del record è l'identificativo dell'unità nel gestionale del comune, di solito codice catastale, foglio, particella e subalterno (es. G273-128-1450-27); il comune è l'ente che pubblica.
 */
export interface UnitaImmobiliareV1 {
  /**
   * Codice catastale (Belfiore) del comune: una lettera e tre cifre, es. G273 Palermo.
   */
  codiceCatastaleComune: string;
  /**
   * Numero del foglio di mappa (fino a 4 caratteri).
   */
  foglio: string;
  /**
   * Numero di particella (mappale), fino a 5 caratteri.
   */
  particella: string;
  /**
   * Subalterno dell'unità, fino a 4 cifre.
   */
  subalterno: string;
  /**
   * Categoria catastale: A/1–A/11 abitazioni e uffici, B/1–B/8, C/1–C/7, D/1–D/10, E/1–E/9, F/1–F/7 categorie fittizie senza rendita (area urbana, unità collabente, in corso di costruzione…).
   */
  categoria: string;
  /**
   * Classe di merito per le categorie dei gruppi A, B e C: un numero, o U (classe unica).
   */
  classe?: string;
  /**
   * Consistenza catastale: in vani per il gruppo A, in metri cubi per il gruppo B, in metri quadrati per il gruppo C.
   */
  consistenza?: {
    /**
     * La misura (i vani vanno per mezzi).
     */
    valore: number;
    /**
     * L'unità di misura.
     */
    unita: 'vani' | 'm2' | 'm3';
  };
  /**
   * Superficie catastale in metri quadrati (DPR 138/1998).
   */
  superficieCatastale?: number;
  /**
   * Rendita catastale in centesimi di euro (78995 = 789,95 €); 0 per le categorie F, che non hanno rendita.
   */
  renditaCatastale: number;
  /**
   * Dove si trova l'unità, come in visura.
   */
  indirizzo: {
    /**
     * Area di circolazione con la sua specie: via, piazza, corso, contrada…
     */
    via: string;
    /**
     * Numero civico con l'eventuale esponente (15, 15/A, 15 bis), o SNC.
     */
    civico?: string;
    /**
     * Scala.
     */
    scala?: string;
    /**
     * Interno.
     */
    interno?: string;
    /**
     * Piano o piani (T, S1, 1, 2-3…).
     */
    piano?: string;
  };
  /**
   * Data dell'ultima variazione catastale (DOCFA) registrata.
   */
  dataUltimaVariazione?: string;
}

/** The latest major of pratica-edilizia. */
export type PraticaEdilizia = PraticaEdiliziaV1;

/** The latest major of unita-immobiliare. */
export type UnitaImmobiliare = UnitaImmobiliareV1;
