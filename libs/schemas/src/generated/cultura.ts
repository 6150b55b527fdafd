// Generated from schemas/cultura by `node tools/scripts/generate-types.ts`. Do not edit: change the schemas and run it again.

/**
 * Un evento promosso o patrocinato dal comune (concerto, spettacolo, mostra, festa…): quando, dove, se è accessibile e quanto costa entrare. La chiave del record è l'identificativo dell'evento nel calendario del comune; il comune è l'ente che pubblica.
 */
export interface EventoV1 {
  /**
   * Titolo dell'evento.
   */
  titolo: string;
  /**
   * Presentazione dell'evento.
   */
  descrizione?: string;
  /**
   * Genere dell'evento.
   */
  categoria:
    | 'concerto'
    | 'teatro'
    | 'danza'
    | 'cinema'
    | 'mostra'
    | 'festival'
    | 'conferenza'
    | 'presentazione-libro'
    | 'laboratorio'
    | 'visita-guidata'
    | 'festa-tradizionale'
    | 'altro';
  /**
   * Inizio, con data, ora e fuso (es. 2025-07-12T21:00:00+02:00).
   */
  dataInizio: string;
  /**
   * Fine, con data, ora e fuso; non precede l'inizio (regola del tema). Per una mostra, la chiusura dell'ultimo giorno.
   */
  dataFine: string;
  /**
   * Dove si svolge: un luogo della cultura già pubblicato dallo stesso comune, oppure un indirizzo.
   */
  luogo:
    | {
        /**
         * Chiave del record luogo-della-cultura dello stesso comune.
         */
        luogoDellaCultura: string;
      }
    | {
        /**
         * Nome del posto (una piazza, un chiostro, un parco…).
         */
        denominazione?: string;
        indirizzo: EventoV1Indirizzo;
        posizione?: EventoV1Posizione;
      };
  /**
   * Accessibilità per persone con disabilità.
   */
  accessibilita: {
    /**
     * Accessibile in sedia a rotelle.
     */
    sediaRotelle: boolean;
    /**
     * Con interprete della Lingua dei Segni Italiana.
     */
    interpreteLis?: boolean;
    /**
     * Con sottotitoli o sopratitoli.
     */
    sottotitoli?: boolean;
    /**
     * Con audiodescrizione.
     */
    audiodescrizione?: boolean;
    /**
     * Con percorso tattile o materiali in braille.
     */
    percorsoTattile?: boolean;
  };
  /**
   * Condizioni di ingresso: se è gratuito non ha prezzo, altrimenti il prezzo è obbligatorio.
   */
  ingresso: {
    /**
     * Ingresso libero.
     */
    gratuito: boolean;
    /**
     * Prezzo del biglietto intero in centesimi di euro (1500 = 15,00 €).
     */
    prezzo?: number;
    /**
     * Serve prenotare.
     */
    prenotazioneObbligatoria?: boolean;
  };
  /**
   * Chi organizza l'evento.
   */
  organizzatore?: string;
  /**
   * Pagina dell'evento.
   */
  url?: string;
}
/**
 * Un indirizzo.
 */
export interface EventoV1Indirizzo {
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
}
/**
 * Un punto in gradi decimali WGS84 (EPSG:4326).
 */
export interface EventoV1Posizione {
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
 * Un orario hh:mm (24:00 per la mezzanotte di fine giornata).
 */
export type LuogoDellaCulturaV1Ora = string;

/**
 * Un luogo della cultura nel territorio del comune (museo, biblioteca, teatro, archivio, area archeologica…): dove si trova, quando è aperto e come contattarlo. La chiave del record è l'identificativo del luogo nel gestionale del comune; gli eventi vi rimandano da cultura/evento.
 */
export interface LuogoDellaCulturaV1 {
  /**
   * Nome del luogo.
   */
  nome: string;
  /**
   * Tipo di luogo.
   */
  tipo:
    | 'museo'
    | 'pinacoteca'
    | 'biblioteca'
    | 'archivio'
    | 'teatro'
    | 'cinema'
    | 'auditorium'
    | 'area-archeologica'
    | 'monumento'
    | 'centro-culturale'
    | 'altro';
  /**
   * Presentazione del luogo e delle sue collezioni.
   */
  descrizione?: string;
  /**
   * L'indirizzo dell'ingresso al pubblico.
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
     * Codice di avviamento postale.
     */
    cap?: string;
    /**
     * Codice ISTAT del comune (6 cifre).
     */
    comune: string;
  };
  /**
   * L'ingresso, in gradi decimali WGS84 (EPSG:4326).
   */
  posizione: {
    /**
     * Latitudine.
     */
    lat: number;
    /**
     * Longitudine.
     */
    lon: number;
  };
  /**
   * Orari di apertura ordinari.
   */
  orari?: {
    /**
     * Le fasce di apertura: in quali giorni della settimana, da che ora a che ora.
     *
     * @minItems 1
     * @maxItems 28
     */
    fasce: [
      {
        /**
         * Giorni della settimana.
         *
         * @minItems 1
         * @maxItems 7
         */
        giorni: [
          'lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom',
          ...('lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom')[],
        ];
        dalle: LuogoDellaCulturaV1Ora;
        alle: LuogoDellaCulturaV1Ora;
      },
      ...{
        /**
         * Giorni della settimana.
         *
         * @minItems 1
         * @maxItems 7
         */
        giorni: [
          'lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom',
          ...('lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom')[],
        ];
        dalle: LuogoDellaCulturaV1Ora;
        alle: LuogoDellaCulturaV1Ora;
      }[],
    ];
    /**
     * Chiusure festive, aperture straordinarie, ultimo ingresso…
     */
    note?: string;
  };
  /**
   * Come contattare il luogo: almeno uno fra email, telefono e sito.
   */
  contatti: {
    /**
     * Casella di posta.
     */
    email?: string;
    /**
     * Numero di telefono, con l'eventuale prefisso internazionale (+39 091 …).
     */
    telefono?: string;
    /**
     * Sito web.
     */
    url?: string;
  };
}

/** The latest major of evento. */
export type Evento = EventoV1;

/** The latest major of luogo-della-cultura. */
export type LuogoDellaCultura = LuogoDellaCulturaV1;
