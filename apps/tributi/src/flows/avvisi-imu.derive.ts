import { createHash } from 'node:crypto';
import type { AvvisoVerificaImu, PraticaEdilizia, PraticaEdiliziaV1RiferimentoCatastale } from '@interscambio/schemas';

type RiferimentoCatastale = PraticaEdiliziaV1RiferimentoCatastale;

export interface AvvisoDerivato {
  key: string;
  data: AvvisoVerificaImu;
}

const KEY_MAX = 200;
// The unita-immobiliare key convention (schema description): belfiore-foglio-particella-subalterno.
const UNIT_KEY = /^([A-Z][0-9]{3})-([0-9]{1,4})-([0-9A-Z]{1,5})-([0-9]{1,4})$/;

/**
 * One avviso per property a concluded pratica touched: each immobile, and each changed unit whose
 * key names a property not already among them (a fusione's new subalterno). Everything comes from the
 * pratica itself, so deriving twice gives the same keys and the same content.
 */
export function avvisiImu(
  ente: string,
  praticaKey: string,
  pratica: PraticaEdilizia,
  eventDate: string,
): AvvisoDerivato[] {
  if (pratica.stato !== 'conclusa') return [];
  const byRef = new Map<string, { ref: RiferimentoCatastale; unit?: string }>();
  for (const ref of pratica.immobili) byRef.set(refKey(ref), { ref });
  for (const unit of pratica.unitaImmobiliari ?? []) {
    const m = UNIT_KEY.exec(unit);
    if (!m) continue;
    const [, codiceCatastaleComune = '', foglio = '', particella = '', subalterno] = m;
    const ref: RiferimentoCatastale = { codiceCatastaleComune, foglio, particella, subalterno };
    byRef.set(refKey(ref), { ref, unit });
  }
  return [...byRef.entries()].map(([suffix, { ref, unit }]) => ({
    key: avvisoKey(praticaKey, suffix),
    data: {
      ...ref,
      praticaEdilizia: { ente, key: praticaKey },
      ...(unit ? { unitaImmobiliare: unit } : {}),
      motivo: 'altro',
      ...(pratica.oggetto ? { descrizione: pratica.oggetto } : {}),
      dataAvviso: pratica.dataConclusione ?? eventDate,
      stato: 'da-verificare',
    },
  }));
}

function refKey(r: RiferimentoCatastale): string {
  return [r.codiceCatastaleComune, r.foglio, r.particella, r.subalterno].filter(Boolean).join('-');
}

/** `PE-<pratica>-<property>`; a hash when a long pratica key would not fit in a record key. */
function avvisoKey(praticaKey: string, suffix: string): string {
  const key = `PE-${praticaKey}-${suffix}`;
  if (key.length <= KEY_MAX) return key;
  return `PE-${createHash('sha256').update(praticaKey).digest('hex').slice(0, 32)}-${suffix}`;
}
