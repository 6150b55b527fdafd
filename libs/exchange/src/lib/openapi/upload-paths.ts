import type { RecordTypeInfo } from '@interscambio/schemas';
import { LIST_SEPARATOR } from '../uploads/upload-columns';
import { SPREADSHEET_MEDIA_TYPES } from '../uploads/upload-body';
import { needs, operationId } from './record-paths';
import { enteParameter, keyParameter } from './shared-components';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const file = (type: string) => ({ [type]: { schema: { type: 'string', contentMediaType: type } } });

/** The spreadsheet and history paths of one record type (uploads/, history/). */
export function uploadPaths(basePath: string, info: RecordTypeInfo): Record<string, object> {
  const root = `${basePath}/records/${info.type}`;
  /** Documented as `@Operation` documents the others: an Italian summary, an English description. */
  const operation = (action: string, security: object[], summary: string, description: string): object => ({
    tags: [info.type],
    operationId: operationId(info.type, action),
    security,
    summary,
    description,
  });
  /** A read of one of the caller's own uploads: its progress, or its report. */
  const ofUpload = (action: string, [summary, description]: [string, string], answer: object): object => ({
    get: {
      ...operation(action, needs('records:write'), summary, description),
      parameters: [idParameter],
      responses: { '200': answer },
    },
  });
  /** The upload template in one format: public, like the catalog. */
  const template = (action: string, format: string, mediaType: string): object => ({
    get: {
      ...operation(
        action,
        [],
        `Il modello di caricamento (${format})`,
        `The upload template (${format}): public, like the catalog`,
      ),
      responses: { '200': { description: 'The template.', content: file(mediaType) } },
    },
  });
  return {
    [`${root}/uploads`]: {
      post: {
        ...operation(
          'UploadCreate',
          needs('records:write'),
          `Carica un foglio di calcolo: ${info.title || info.type} (CSV o XLSX, come il modello)`,
          `CSV in UTF-8 or Windows-1252, separated by ";" or "," (both detected), or XLSX (first sheet). Row 1 is the header (the template's Italian headers or the fields' dotted paths). ` +
            `Each row is checked as a PUT and published in batches; lists of values go in one cell separated by "${LIST_SEPARATOR}". ` +
            `A file that cannot be read whole, or whose header names unknown columns, is refused before any row is published. 202: follow the Location.`,
        ),
        requestBody: { required: true, content: Object.assign({}, ...SPREADSHEET_MEDIA_TYPES.map(file)) },
        responses: {
          '202': { description: 'Accepted: the upload and its progress.' },
        },
      },
    },
    [`${root}/uploads/{id}`]: ofUpload(
      'UploadRead',
      [
        'Stato di un caricamento: righe lette, pubblicate, scartate',
        'The state of an upload: rows read, published, rejected',
      ],
      {
        description: 'The upload.',
      },
    ),
    [`${root}/uploads/{id}/report.json`]: ofUpload(
      'UploadReportRead',
      [
        'Il resoconto: riga, colonna, valore, cosa non va e come correggerlo',
        'The report: row, column, value, what is wrong and how to correct it',
      ],
      { description: 'The report.' },
    ),
    [`${root}/uploads/{id}/report.xlsx`]: ofUpload(
      'UploadReportWorkbookRead',
      [
        'Il resoconto come cartella Excel, con le celle errate evidenziate',
        'The report as an Excel workbook, with the wrong cells highlighted',
      ],
      { description: 'The workbook.', content: file(XLSX) },
    ),
    [`${root}/template.xlsx`]: template('TemplateWorkbookRead', 'XLSX', XLSX),
    [`${root}/template.csv`]: template('TemplateCsvRead', 'CSV, ";"', 'text/csv'),
    [`${root}/{ente}/{key}/revisions`]: {
      get: {
        ...operation(
          'RevisionList',
          needs('records:read'),
          'Le revisioni di un record: chi le ha scritte, quando, e la JSON Patch dalla precedente',
          "Under the record's own access rules. The record as it was at an instant: GET the record with `?asOf=<date-time>`.",
        ),
        parameters: [enteParameter, keyParameter],
        responses: { '200': { description: 'The revisions, oldest first.' } },
      },
    },
  };
}
