// Generated from schemas/ambiente-territorio by `node tools/scripts/generate-types.ts`. Do not edit: change the schemas and run it again.

/**
 * Un avviso sulla circolazione: strade chiuse o con forte impatto sul traffico, in quale periodo e perché. Nasce da un record lavori-pubblici/cantiere con impatto alto o chiusura della strada e lo segue finché il cantiere resta tale. La chiave del record è derivata dal cantiere (CANT-<chiave del cantiere>); il comune è l'ente che pubblica.
 */
export interface AvvisoViabilitaV1 {
  /**
   * Le strade su cui la circolazione cambia.
   *
   * @minItems 1
   * @maxItems 100
   */
  stradeCoinvolte: [string, ...string[]];
  /**
   * Primo giorno in cui la circolazione cambia.
   */
  dataInizio: string;
  /**
   * Ultimo giorno previsto; non precede la data di inizio.
   */
  dataFine: string;
  /**
   * Impatto sulla circolazione: alto (restringimenti, sensi unici alternati, deviazioni) o chiusura della strada.
   */
  impattoTraffico: 'alto' | 'chiusura-strada';
  /**
   * Dove, in parole (es. via Maqueda, tra via Divisi e piazza Pretoria).
   */
  indirizzo: string;
  /**
   * Perché: i lavori del cantiere.
   */
  motivo?: string;
  /**
   * L'ordinanza di viabilità che regola il traffico, se emessa.
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
  /**
   * Il record lavori-pubblici/cantiere da cui l'avviso nasce.
   */
  cantiere: {
    /**
     * Codice ISTAT (6 cifre) del comune che ha pubblicato il cantiere.
     */
    ente: string;
    /**
     * Chiave del record cantiere.
     */
    key: string;
  };
}

/**
 * Un orario hh:mm (24:00 per la mezzanotte di fine giornata).
 */
export type CalendarioRaccoltaRifiutiV1Ora = string;

/**
 * Il calendario della raccolta differenziata di una zona del comune: per ogni frazione, in quali giorni e in quale fascia oraria conferire, e per quale periodo vale. La chiave del record è l'identificativo della zona e del calendario nel gestionale del servizio (es. ZONA-3-2025); il comune è l'ente che pubblica.
 */
export interface CalendarioRaccoltaRifiutiV1 {
  /**
   * La zona o il quartiere a cui il calendario si applica.
   */
  zona: string;
  /**
   * Anno a cui il calendario si riferisce.
   */
  anno: number;
  /**
   * Porta a porta o con contenitori stradali.
   */
  modalita?: 'porta-a-porta' | 'stradale' | 'mista';
  /**
   * Per quali utenze vale.
   */
  utenza?: 'domestica' | 'non-domestica' | 'tutte';
  /**
   * Il calendario di ogni frazione; una frazione può comparire più volte, con fasce orarie diverse.
   *
   * @minItems 1
   * @maxItems 50
   */
  frazioni: [
    {
      /**
       * La frazione di rifiuto.
       */
      frazione:
        | 'organico'
        | 'carta'
        | 'plastica'
        | 'metalli'
        | 'plastica-e-metalli'
        | 'vetro'
        | 'vetro-e-metalli'
        | 'indifferenziato'
        | 'pannolini'
        | 'sfalci-e-potature'
        | 'tessili'
        | 'ingombranti'
        | 'raee';
      /**
       * Giorni della settimana di raccolta (conferimento la sera prima se la fascia lo dice).
       *
       * @minItems 1
       * @maxItems 7
       */
      giorni: [
        'lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom',
        ...('lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom')[],
      ];
      /**
       * Fascia in cui esporre i rifiuti; può scavalcare la mezzanotte (dalle 21:00 alle 06:00).
       */
      orario: {
        dalle: CalendarioRaccoltaRifiutiV1Ora;
        alle: CalendarioRaccoltaRifiutiV1Ora;
      };
    },
    ...{
      /**
       * La frazione di rifiuto.
       */
      frazione:
        | 'organico'
        | 'carta'
        | 'plastica'
        | 'metalli'
        | 'plastica-e-metalli'
        | 'vetro'
        | 'vetro-e-metalli'
        | 'indifferenziato'
        | 'pannolini'
        | 'sfalci-e-potature'
        | 'tessili'
        | 'ingombranti'
        | 'raee';
      /**
       * Giorni della settimana di raccolta (conferimento la sera prima se la fascia lo dice).
       *
       * @minItems 1
       * @maxItems 7
       */
      giorni: [
        'lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom',
        ...('lun' | 'mar' | 'mer' | 'gio' | 'ven' | 'sab' | 'dom')[],
      ];
      /**
       * Fascia in cui esporre i rifiuti; può scavalcare la mezzanotte (dalle 21:00 alle 06:00).
       */
      orario: {
        dalle: CalendarioRaccoltaRifiutiV1Ora;
        alle: CalendarioRaccoltaRifiutiV1Ora;
      };
    }[],
  ];
  /**
   * Primo giorno di validità.
   */
  validoDal: string;
  /**
   * Ultimo giorno di validità; non precede il primo (regola del tema).
   */
  validoAl: string;
  /**
   * Festività, centri comunali di raccolta, ritiro ingombranti su prenotazione…
   */
  note?: string;
}

/**
 * Una segnalazione di un cittadino su un problema del territorio (rifiuti abbandonati, lampione spento, buca, perdita d'acqua…) e il suo stato di lavorazione. Non porta dati di chi segnala: quelli restano nel gestionale del comune. La chiave del record è l'identificativo della segnalazione; il comune è l'ente che pubblica.
 */
export interface SegnalazioneV1 {
  /**
   * Di che cosa si tratta.
   */
  categoria:
    | 'rifiuti'
    | 'illuminazione'
    | 'strade'
    | 'segnaletica'
    | 'verde'
    | 'acqua'
    | 'fognature'
    | 'arredo-urbano'
    | 'inquinamento'
    | 'rumore'
    | 'animali'
    | 'altro';
  /**
   * Il problema, come descritto (e ripulito di dati personali).
   */
  descrizione: string;
  /**
   * Dove, in gradi decimali WGS84 (EPSG:4326).
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
   * L'indirizzo più vicino, se noto.
   */
  indirizzo?: string;
  /**
   * Quando è arrivata, con data, ora e fuso.
   */
  dataSegnalazione: string;
  /**
   * Da dove è arrivata.
   */
  canale?: 'app' | 'web' | 'telefono' | 'email' | 'sportello';
  /**
   * Stato di lavorazione.
   */
  stato: 'aperta' | 'presa-in-carico' | 'risolta' | 'chiusa' | 'respinta';
  /**
   * Quando lo stato è cambiato l'ultima volta.
   */
  dataAggiornamento?: string;
  /**
   * Cosa è stato fatto, o perché la segnalazione è stata respinta.
   */
  esito?: string;
  /**
   * Indirizzi delle foto allegate (pubbliche, senza volti né targhe).
   *
   * @maxItems 10
   */
  foto?: string[];
}

/** The latest major of avviso-viabilita. */
export type AvvisoViabilita = AvvisoViabilitaV1;

/** The latest major of calendario-raccolta-rifiuti. */
export type CalendarioRaccoltaRifiuti = CalendarioRaccoltaRifiutiV1;

/** The latest major of segnalazione. */
export type Segnalazione = SegnalazioneV1;
