import type { RecordTypeInfo } from '@interscambio/schemas';
import { LIST_SEPARATOR } from '../uploads/upload-columns';
import { SPREADSHEET_MEDIA_TYPES } from '../uploads/upload-body';
import { pick, needs } from './record-paths';
import { enteParameter, keyParameter } from './shared-components';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const file = (type: string) => ({ [type]: { schema: { type: 'string', contentMediaType: type } } });

/** The spreadsheet and history paths of one record type (uploads/, history/). */
export function uploadPaths(basePath: string, info: RecordTypeInfo): Record<string, object> {
  const root = `${basePath}/records/${info.type}`;
  const tags = [info.type];
  return {
    [`${root}/uploads`]: {
      post: {
        tags,
        operationId: `upload_${info.type}`,
        security: needs('records:write'),
        summary: `Upload a spreadsheet of ${info.type} records (CSV or XLSX, as the template)`,
        description:
          `CSV in UTF-8 or Windows-1252, separated by ";" or "," (both detected), or XLSX (first sheet). Row 1 is the header (the template's Italian headers or the fields' dotted paths). ` +
          `Each row is checked as a PUT and published in batches; lists of values go in one cell separated by "${LIST_SEPARATOR}". ` +
          `A file that cannot be read whole, or whose header names unknown columns, is refused before any row is published. 202: follow the Location.`,
        requestBody: { required: true, content: Object.assign({}, ...SPREADSHEET_MEDIA_TYPES.map(file)) },
        responses: {
          '202': { description: 'Accepted: the upload and its progress.' },
          ...pick(['404', '413', '415', '422', '500']),
        },
      },
    },
    [`${root}/uploads/{id}`]: {
      get: {
        tags,
        operationId: `upload_status_${info.type}`,
        security: needs('records:write'),
        summary: 'The progress of an upload: rows read, published, rejected',
        parameters: [idParameter],
        responses: { '200': { description: 'The upload.' }, ...pick(['404', '500']) },
      },
    },
    [`${root}/uploads/{id}/report.json`]: {
      get: {
        tags,
        operationId: `upload_report_${info.type}`,
        security: needs('records:write'),
        summary: 'The report in Italian: row, column, value, what is wrong, how to fix it',
        parameters: [idParameter],
        responses: { '200': { description: 'The report.' }, ...pick(['404', '500']) },
      },
    },
    [`${root}/uploads/{id}/report.xlsx`]: {
      get: {
        tags,
        operationId: `upload_report_xlsx_${info.type}`,
        security: needs('records:write'),
        summary: 'The report as a workbook, the rejected rows with their wrong cells highlighted',
        parameters: [idParameter],
        responses: { '200': { description: 'The workbook.', content: file(XLSX) }, ...pick(['404', '500']) },
      },
    },
    [`${root}/template.xlsx`]: {
      get: {
        tags,
        operationId: `template_xlsx_${info.type}`,
        summary: 'The upload template (XLSX)',
        responses: { '200': { description: 'The template.', content: file(XLSX) } },
      },
    },
    [`${root}/template.csv`]: {
      get: {
        tags,
        operationId: `template_csv_${info.type}`,
        summary: 'The upload template (CSV, ";")',
        responses: { '200': { description: 'The template.', content: file('text/csv') } },
      },
    },
    [`${root}/{ente}/{key}/revisions`]: {
      get: {
        tags,
        operationId: `revisions_${info.type}`,
        security: needs('records:read'),
        summary: 'The revisions of a record: who wrote each, when, and a JSON Patch from the previous one',
        description:
          "Under the record's own access rules. The record as it was at an instant: GET the record with `?asOf=<date-time>`.",
        parameters: [enteParameter, keyParameter],
        responses: { '200': { description: 'The revisions, oldest first.' }, ...pick(['400', '404', '500']) },
      },
    },
  };
}
