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
  const tags = [info.type];
  const id = (action: string): string => operationId(info.type, action);
  return {
    [`${root}/uploads`]: {
      post: {
        tags,
        operationId: id('UploadCreate'),
        security: needs('records:write'),
        summary: `Carica un foglio di calcolo: ${info.title || info.type} (CSV o XLSX, come il modello)`,
        description:
          `CSV in UTF-8 or Windows-1252, separated by ";" or "," (both detected), or XLSX (first sheet). Row 1 is the header (the template's Italian headers or the fields' dotted paths). ` +
          `Each row is checked as a PUT and published in batches; lists of values go in one cell separated by "${LIST_SEPARATOR}". ` +
          `A file that cannot be read whole, or whose header names unknown columns, is refused before any row is published. 202: follow the Location.`,
        requestBody: { required: true, content: Object.assign({}, ...SPREADSHEET_MEDIA_TYPES.map(file)) },
        responses: {
          '202': { description: 'Accepted: the upload and its progress.' },
        },
      },
    },
    [`${root}/uploads/{id}`]: {
      get: {
        tags,
        operationId: id('UploadRead'),
        security: needs('records:write'),
        summary: 'Stato di un caricamento: righe lette, pubblicate, scartate',
        parameters: [idParameter],
        responses: { '200': { description: 'The upload.' } },
      },
    },
    [`${root}/uploads/{id}/report.json`]: {
      get: {
        tags,
        operationId: id('UploadReportRead'),
        security: needs('records:write'),
        summary: 'Il resoconto: riga, colonna, valore, cosa non va e come correggerlo',
        parameters: [idParameter],
        responses: { '200': { description: 'The report.' } },
      },
    },
    [`${root}/uploads/{id}/report.xlsx`]: {
      get: {
        tags,
        operationId: id('UploadReportWorkbookRead'),
        security: needs('records:write'),
        summary: 'Il resoconto come cartella Excel, con le celle errate evidenziate',
        parameters: [idParameter],
        responses: { '200': { description: 'The workbook.', content: file(XLSX) } },
      },
    },
    [`${root}/template.xlsx`]: {
      get: {
        tags,
        operationId: id('TemplateWorkbookRead'),
        security: [],
        summary: 'Il modello di caricamento (XLSX)',
        responses: { '200': { description: 'The template.', content: file(XLSX) } },
      },
    },
    [`${root}/template.csv`]: {
      get: {
        tags,
        operationId: id('TemplateCsvRead'),
        security: [],
        summary: 'Il modello di caricamento (CSV, ";")',
        responses: { '200': { description: 'The template.', content: file('text/csv') } },
      },
    },
    [`${root}/{ente}/{key}/revisions`]: {
      get: {
        tags,
        operationId: id('RevisionList'),
        security: needs('records:read'),
        summary: 'Le revisioni di un record: chi le ha scritte, quando, e la JSON Patch dalla precedente',
        description:
          "Under the record's own access rules. The record as it was at an instant: GET the record with `?asOf=<date-time>`.",
        parameters: [enteParameter, keyParameter],
        responses: { '200': { description: 'The revisions, oldest first.' } },
      },
    },
  };
}
