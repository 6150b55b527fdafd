import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { RECORD_VISIBILITIES, VISIBILITY_KEYWORD } from './record-type';

/** The one ajv instance of a catalog: draft 2020-12, formats, every error, strict about schemas. */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  // An annotation only: it never fails a document, but a bad value fails the schema.
  ajv.addKeyword({ keyword: VISIBILITY_KEYWORD, schemaType: 'string', metaSchema: { enum: RECORD_VISIBILITIES } });
  return ajv;
}
