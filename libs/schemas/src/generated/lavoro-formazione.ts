// Generated from schemas/lavoro-formazione by `node tools/scripts/generate-types.ts`. Do not edit: change the schemas and run it again.

/**
 * Un corso di formazione professionale offerto nel territorio del comune (da un ente accreditato, un centro per l'impiego, il comune stesso): chi lo eroga, dove, quando, quante ore e posti, quanto costa, chi può iscriversi e cosa rilascia. La chiave del record è l'identificativo del corso nel gestionale del comune o dell'ente; il comune è l'ente che pubblica.
 */
export interface CorsoDiFormazioneV1 {
  /**
   * Titolo del corso.
   */
  titolo: string;
  /**
   * Contenuti e obiettivi del corso.
   */
  descrizione?: string;
  /**
   * L'ente che eroga il corso.
   */
  enteErogatore: {
    /**
     * Ragione sociale.
     */
    denominazione: string;
    /**
     * Codice fiscale dell'ente: 11 cifre (16 caratteri per una ditta individuale).
     */
    codiceFiscale?: string;
  };
  /**
   * In presenza, a distanza (online) o mista. Un corso non interamente online ha una sede.
   */
  modalita: 'in-presenza' | 'online' | 'mista';
  /**
   * Dove si tengono le lezioni in presenza.
   */
  sede?: {
    /**
     * Area di circolazione con la sua specie: via, piazza, corso, contrada…
     */
    via: string;
    /**
     * Numero civico con l'eventuale esponente (15, 15/A, 15 bis), o SNC.
     */
    civico?: string;
    /**
     * Codice di avviamento postale.
     */
    cap?: string;
    /**
     * Codice ISTAT del comune (6 cifre).
     */
    comune: string;
  };
  /**
   * Primo giorno di lezione.
   */
  dataInizio: string;
  /**
   * Ultimo giorno di lezione (o dell'esame finale); non precede l'inizio (regola del tema).
   */
  dataFine: string;
  /**
   * Durata complessiva in ore, stage compreso.
   */
  ore: number;
  /**
   * Numero di posti (allievi ammessi).
   */
  posti: number;
  /**
   * Quota di iscrizione a carico dell'allievo in centesimi di euro; 0 per un corso gratuito (finanziato, es. FSE+ o programma GOL).
   */
  costo: number;
  /**
   * Requisiti di accesso; un oggetto vuoto se non ce ne sono.
   */
  requisiti: {
    /**
     * Età minima in anni.
     */
    etaMinima?: number;
    /**
     * Età massima in anni.
     */
    etaMassima?: number;
    /**
     * Titolo di studio minimo.
     */
    titoloDiStudio?:
      'nessuno' | 'licenza-media' | 'qualifica-professionale' | 'diploma' | 'laurea-triennale' | 'laurea-magistrale';
    /**
     * Condizione occupazionale richiesta.
     */
    statoOccupazionale?: 'qualsiasi' | 'disoccupato' | 'occupato' | 'neet';
    /**
     * Altri requisiti (residenza, patente, conoscenze…).
     *
     * @maxItems 20
     */
    altri?: string[];
  };
  /**
   * Cosa rilascia il corso a chi lo supera.
   */
  certificazione:
    | 'attestato-di-frequenza'
    | 'attestato-di-qualifica'
    | 'certificato-di-specializzazione'
    | 'certificazione-delle-competenze'
    | 'abilitazione'
    | 'nessuna';
  /**
   * Livello del Quadro europeo delle qualifiche (EQF) della qualifica rilasciata.
   */
  livelloEqf?: number;
  /**
   * Ultimo giorno per iscriversi.
   */
  scadenzaIscrizioni?: string;
  /**
   * Pagina del corso o del bando.
   */
  url?: string;
}

/**
 * Un'offerta di lavoro raccolta dallo sportello lavoro del comune (o dal centro per l'impiego) presso un datore di lavoro del territorio: chi assume, dove, con quale contratto, fino a quando e a chi scrivere. La chiave del record è l'identificativo dell'offerta nel gestionale dello sportello; il comune è l'ente che pubblica.
 */
export interface OffertaDiLavoroV1 {
  /**
   * Figura ricercata.
   */
  titolo: string;
  /**
   * Mansioni, requisiti e condizioni offerte.
   */
  descrizione?: string;
  /**
   * Chi assume.
   */
  datoreDiLavoro: {
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
   * Dove si lavora.
   */
  sede: {
    /**
     * Codice ISTAT del comune (6 cifre).
     */
    comune: string;
    /**
     * Indirizzo o località della sede.
     */
    indirizzo?: string;
  };
  /**
   * Tipo di rapporto di lavoro.
   */
  tipoContratto:
    | 'tempo-indeterminato'
    | 'tempo-determinato'
    | 'apprendistato'
    | 'somministrazione'
    | 'stagionale'
    | 'lavoro-intermittente'
    | 'tirocinio'
    | 'collaborazione'
    | 'lavoro-autonomo';
  /**
   * Tempo pieno o parziale.
   */
  orario?: 'tempo-pieno' | 'part-time';
  /**
   * Quante persone si cercano.
   */
  numeroPosti?: number;
  /**
   * Codice della professione nella classificazione ISTAT CP2021, al quinto livello (unità professionale), es. 5.2.2.1.0.
   */
  codiceProfessione?: string;
  /**
   * Data di pubblicazione.
   */
  dataPubblicazione: string;
  /**
   * Ultimo giorno per candidarsi; non precede la pubblicazione (regola del tema).
   */
  dataScadenza: string;
  /**
   * A chi mandare la candidatura.
   */
  contatto: {
    /**
     * Casella a cui candidarsi.
     */
    email: string;
    /**
     * Numero di telefono, con l'eventuale prefisso internazionale (+39 091 …).
     */
    telefono?: string;
    /**
     * Codice dell'offerta da citare nella candidatura.
     */
    riferimento?: string;
  };
}

/** The latest major of corso-di-formazione. */
export type CorsoDiFormazione = CorsoDiFormazioneV1;

/** The latest major of offerta-di-lavoro. */
export type OffertaDiLavoro = OffertaDiLavoroV1;
