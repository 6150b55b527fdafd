export { checkBackwardCompatible } from './lib/compat/check-backward-compatible';
export { VISIBILITY_KEYWORD } from './lib/record-type';
export type { RecordTypeInfo, RecordVisibility, TypesOptions, ValidationIssue } from './lib/record-type';
export { SchemaCatalog } from './lib/schema-catalog';
export type { SchemaCatalogErrorCode } from './lib/schema-catalog.error';
export { readSchemaFiles } from './lib/schema-files';
export type { SchemaFile } from './lib/schema-files';
export { defaultSchemasDir } from './lib/schemas-dir';
export { declaresField } from './lib/field-pointer';
export type {
  AvvisoViabilita,
  AvvisoViabilitaV1,
  CalendarioRaccoltaRifiuti,
  CalendarioRaccoltaRifiutiV1,
  CalendarioRaccoltaRifiutiV1Ora,
  Segnalazione,
  SegnalazioneV1,
} from './generated/ambiente-territorio';
export type {
  Evento,
  EventoV1,
  EventoV1Indirizzo,
  EventoV1Posizione,
  LuogoDellaCultura,
  LuogoDellaCulturaV1,
  LuogoDellaCulturaV1Ora,
} from './generated/cultura';
export type {
  PraticaEdilizia,
  PraticaEdiliziaV1,
  PraticaEdiliziaV1Denominazione,
  PraticaEdiliziaV1Richiedente,
  PraticaEdiliziaV1RiferimentoCatastale,
  UnitaImmobiliare,
  UnitaImmobiliareV1,
} from './generated/edilizia-catasto';
export type {
  Cantiere,
  CantiereV1,
  CantiereV1Punto,
  OperaPubblica,
  OperaPubblicaV1,
  OperaPubblicaV1Posizione,
} from './generated/lavori-pubblici';
export type {
  CorsoDiFormazione,
  CorsoDiFormazioneV1,
  OffertaDiLavoro,
  OffertaDiLavoroV1,
} from './generated/lavoro-formazione';
export type { PresaInCarico, PresaInCaricoV1, Prestazione, PrestazioneV1 } from './generated/sociale';
export type {
  AvvisoVerificaImu,
  AvvisoVerificaImuV1,
  PosizioneDebitoria,
  PosizioneDebitoriaV1,
  PosizioneDebitoriaV1Contribuente,
  PosizioneDebitoriaV1Denominazione,
  Versamento,
  VersamentoV1,
} from './generated/tributi';
