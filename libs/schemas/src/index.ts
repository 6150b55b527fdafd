export { checkBackwardCompatible } from './lib/compat/check-backward-compatible';
export { RECORD_VISIBILITIES, VISIBILITY_KEYWORD } from './lib/record-type';
export type { RecordTypeInfo, RecordVisibility, TypesOptions, ValidationIssue } from './lib/record-type';
export { SchemaCatalog } from './lib/schema-catalog';
export { SchemaCatalogError } from './lib/schema-catalog.error';
export type { SchemaCatalogErrorCode } from './lib/schema-catalog.error';
export { SCHEMA_ID_BASE, schemaId } from './lib/schema-files';
export { defaultSchemasDir } from './lib/schemas-dir';
export { findIncompatibleVersions } from './lib/version-history';
export type {
  PosizioneDebitoria,
  PosizioneDebitoriaV1,
  PosizioneDebitoriaV1Contribuente,
  Versamento,
  VersamentoV1,
} from './generated/tributi';
