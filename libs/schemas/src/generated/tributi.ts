// Generated from schemas/tributi by `node tools/scripts/generate-types.ts`. Do not edit: change the schemas and run it again.

/**
 * Un avviso all'ufficio tributi: una pratica edilizia conclusa ha variato un immobile, e la sua IMU va verificata (nuova rendita, nuova categoria, unità nuove o soppresse). Nasce da un record edilizia-catasto/pratica-edilizia e si segue fino alla verifica. La chiave del record è l'identificativo dell'avviso nel gestionale tributi; il comune è l'ente che pubblica.
 */
export interface AvvisoVerificaImuV1 {
  /**
   * Codice catastale (Belfiore) del comune dell'immobile: una lettera e tre cifre, es. G273 Palermo.
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
   * Subalterno dell'unità immobiliare urbana, fino a 4 cifre; assente se la variazione riguarda l'intera particella.
   */
  subalterno?: string;
  /**
   * Il record edilizia-catasto/pratica-edilizia da cui l'avviso nasce.
   */
  praticaEdilizia: {
    /**
     * Codice ISTAT (6 cifre) del comune che ha pubblicato la pratica.
     */
    ente: string;
    /**
     * Chiave del record pratica-edilizia.
     */
    key: string;
  };
  /**
   * Chiave del record edilizia-catasto/unita-immobiliare variato, dello stesso ente della pratica, se pubblicato.
   */
  unitaImmobiliare?: string;
  /**
   * Che cosa la pratica ha cambiato.
   */
  motivo:
    | 'nuova-costruzione'
    | 'ampliamento'
    | 'frazionamento'
    | 'fusione'
    | 'cambio-destinazione-uso'
    | 'ristrutturazione'
    | 'demolizione'
    | 'altro';
  /**
   * Dettagli per chi verifica.
   */
  descrizione?: string;
  /**
   * Data in cui l'avviso è stato generato.
   */
  dataAvviso: string;
  /**
   * Stato della verifica.
   */
  stato: 'da-verificare' | 'in-verifica' | 'verificato' | 'archiviato';
}

/**
 * Il soggetto passivo, identificato dal codice fiscale oppure dalla partita IVA.
 */
export type PosizioneDebitoriaV1Contribuente =
  | {
      /**
       * Codice fiscale: 16 caratteri per una persona fisica, 11 cifre per un soggetto diverso.
       */
      codiceFiscale: string;
      denominazione?: PosizioneDebitoriaV1Denominazione;
    }
  | {
      /**
       * Partita IVA: 11 cifre.
       */
      partitaIva: string;
      denominazione?: PosizioneDebitoriaV1Denominazione;
    };
/**
 * Cognome e nome, o ragione sociale.
 */
export type PosizioneDebitoriaV1Denominazione = string;

/**
 * Quanto un contribuente deve a un comune per un tributo e un anno d'imposta (IMU, TARI, canone unico…): importo, scadenza, avviso pagoPA e stato della riscossione. La chiave del record è l'identificativo della posizione nel gestionale tributi del comune; il comune è l'ente che pubblica.
 */
export interface PosizioneDebitoriaV1 {
  contribuente: PosizioneDebitoriaV1Contribuente;
  /**
   * Il tributo o canone: IMU, TARI, TASI, CUP (canone unico patrimoniale), TOSAP, ICP, IMPOSTA-SOGGIORNO.
   */
  tributo: 'IMU' | 'TARI' | 'TASI' | 'CUP' | 'TOSAP' | 'ICP' | 'IMPOSTA-SOGGIORNO';
  /**
   * Anno d'imposta a cui la posizione si riferisce.
   */
  anno: number;
  /**
   * Importo dovuto in centesimi di euro (28750 = 287,50 €).
   */
  importo: number;
  /**
   * Quanto risulta già versato, in centesimi di euro.
   */
  importoPagato?: number;
  /**
   * Data entro cui pagare.
   */
  scadenza: string;
  /**
   * Data di emissione dell'avviso o dell'accertamento.
   */
  dataEmissione?: string;
  /**
   * Identificativo Univoco di Versamento pagoPA: da 15 a 35 caratteri alfanumerici, di solito 17 cifre.
   */
  iuv?: string;
  /**
   * Numero dell'avviso pagoPA (18 cifre: aux digit seguito dallo IUV).
   */
  numeroAvviso?: string;
  /**
   * Stato della riscossione.
   */
  stato: 'emessa' | 'pagata' | 'parzialmente-pagata' | 'annullata' | 'sospesa';
  /**
   * Testo libero mostrato al contribuente (causale, immobili, utenza…).
   */
  descrizione?: string;
}

/**
 * Un pagamento ricevuto dal comune a fronte di una posizione debitoria, da pagoPA, con modello F24 o per altra via. La chiave del record è l'identificativo del versamento nel gestionale tributi; la posizione pagata è un record posizione-debitoria dello stesso comune.
 */
export interface VersamentoV1 {
  /**
   * Chiave del record posizione-debitoria pagato, dello stesso comune.
   */
  posizione: string;
  /**
   * Importo versato in centesimi di euro (41200 = 412,00 €).
   */
  importo: number;
  /**
   * Data in cui il contribuente ha pagato.
   */
  dataPagamento: string;
  /**
   * Data in cui la somma è stata accreditata al comune.
   */
  dataAccredito?: string;
  /**
   * Come è stato pagato: pagopa, f24 o altro (bonifico, cassa…).
   */
  canale: 'pagopa' | 'f24' | 'altro';
  /**
   * Identificativo della riscossione: lo IUR per pagoPA, il protocollo della delega per F24, il CRO o TRN di un bonifico.
   */
  identificativo: string;
  /**
   * IUV dell'avviso pagoPA pagato, se il canale è pagopa.
   */
  iuv?: string;
}

/** The latest major of avviso-verifica-imu. */
export type AvvisoVerificaImu = AvvisoVerificaImuV1;

/** The latest major of posizione-debitoria. */
export type PosizioneDebitoria = PosizioneDebitoriaV1;

/** The latest major of versamento. */
export type Versamento = VersamentoV1;
