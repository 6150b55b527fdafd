// Generated from schemas/sociale by `node tools/scripts/generate-types.ts`. Do not edit: change the schemas and run it again.

/**
 * Un caso del servizio sociale del comune: la persona seguita, l'area di intervento, il servizio titolare e l'operatore di riferimento, dall'apertura alla chiusura. La chiave del record è l'identificativo della cartella sociale nel gestionale del comune; il comune è l'ente che pubblica. Dati personali di categoria particolare: si leggono solo con un accordo e una finalità dichiarata.
 */
export interface PresaInCaricoV1 {
  /**
   * La persona presa in carico, identificata soltanto dal codice fiscale (minimizzazione dei dati).
   */
  beneficiario: {
    /**
     * Codice fiscale della persona: 16 caratteri, omocodia compresa.
     */
    codiceFiscale: string;
  };
  /**
   * Area di intervento prevalente, secondo le aree del Piano sociale di zona.
   */
  areaIntervento:
    | 'minori'
    | 'famiglia'
    | 'anziani'
    | 'disabilità'
    | 'povertà'
    | 'dipendenze'
    | 'salute-mentale'
    | 'immigrazione'
    | 'violenza-di-genere'
    | 'adulti-in-difficoltà';
  /**
   * Il servizio del comune (o del distretto socio-sanitario) titolare del caso.
   */
  servizioTitolare: string;
  /**
   * L'operatore che segue il caso.
   */
  operatoreRiferimento: {
    /**
     * Cognome e nome dell'operatore.
     */
    nominativo: string;
    /**
     * Profilo professionale dell'operatore.
     */
    qualifica: 'assistente-sociale' | 'educatore' | 'psicologo' | 'mediatore-culturale' | 'altro';
    /**
     * Casella istituzionale dell'operatore o del servizio.
     */
    email?: string;
  };
  /**
   * Data di apertura della presa in carico.
   */
  dataApertura: string;
  /**
   * Data di chiusura; obbligatoria quando lo stato è chiusa. Non precede la data di apertura (regola del tema).
   */
  dataChiusura?: string;
  /**
   * Stato del caso.
   */
  stato: 'in-valutazione' | 'attiva' | 'sospesa' | 'chiusa';
  /**
   * Perché il caso è stato chiuso.
   */
  motivoChiusura?: 'obiettivi-raggiunti' | 'trasferimento' | 'rinuncia' | 'decesso' | 'altro';
}

/**
 * Una prestazione concessa dal comune a una persona presa in carico: un contributo economico, un servizio domiciliare, l'integrazione di una retta… con il suo valore e il periodo di erogazione. La chiave del record è l'identificativo della prestazione nel gestionale dei servizi sociali; la presa in carico è un record presa-in-carico dello stesso comune. Dati personali di categoria particolare.
 */
export interface PrestazioneV1 {
  /**
   * Tipo di prestazione.
   */
  tipo:
    | 'contributo-economico'
    | 'contributo-affitto'
    | 'buono-spesa'
    | 'assegno-di-cura'
    | 'assistenza-domiciliare'
    | 'assistenza-educativa'
    | 'integrazione-retta'
    | 'centro-diurno'
    | 'trasporto-sociale'
    | 'affido-familiare'
    | 'servizio-mensa'
    | 'altro';
  /**
   * Valore complessivo della prestazione nel periodo, in centesimi di euro (0 per un servizio senza valore economico attribuito).
   */
  importo: number;
  /**
   * Il periodo di erogazione, estremi compresi; la fine non precede l'inizio (regola del tema).
   */
  periodo: {
    /**
     * Primo giorno.
     */
    dal: string;
    /**
     * Ultimo giorno.
     */
    al: string;
  };
  /**
   * La persona a cui la prestazione è concessa, identificata dal codice fiscale.
   */
  beneficiario: {
    /**
     * Codice fiscale della persona: 16 caratteri, omocodia compresa.
     */
    codiceFiscale: string;
  };
  /**
   * Chiave del record presa-in-carico a cui la prestazione appartiene, dello stesso comune.
   */
  presaInCarico: string;
  /**
   * Stato della prestazione.
   */
  stato: 'concessa' | 'in-erogazione' | 'sospesa' | 'revocata' | 'conclusa';
  /**
   * L'atto che concede la prestazione (determinazione dirigenziale o simile).
   */
  provvedimento?: {
    /**
     * Numero dell'atto.
     */
    numero: string;
    /**
     * Data dell'atto.
     */
    data: string;
  };
}

/** The latest major of presa-in-carico. */
export type PresaInCarico = PresaInCaricoV1;

/** The latest major of prestazione. */
export type Prestazione = PrestazioneV1;
