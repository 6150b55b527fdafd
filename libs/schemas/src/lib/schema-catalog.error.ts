export type SchemaCatalogErrorCode =
  | 'schema-dir-missing'
  | 'schema-location'
  | 'schema-json'
  | 'schema-id'
  | 'schema-metadata'
  | 'schema-compile'
  | 'schema-example'
  | 'record-type-unknown';

/** A schema that cannot be served (start-up stops, naming the file) or a record type nobody declared. */
export class SchemaCatalogError extends Error {
  constructor(
    readonly code: SchemaCatalogErrorCode,
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'SchemaCatalogError';
  }
}
