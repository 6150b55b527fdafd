export { comuni, entiByIstat, loadEnti } from './lib/enti';
export type { Comune, ComuniFilter, Ente, EnteKind } from './lib/enti';
export { codiceFiscaleCheck, isCodiceFiscale, isPartitaIva, partitaIvaCheck } from './lib/codice-fiscale';
export { isCig } from './lib/cig';
export { isCup } from './lib/cup';
export { isIstatCode, ISTAT_CODE_PATTERN } from './lib/istat-code';
