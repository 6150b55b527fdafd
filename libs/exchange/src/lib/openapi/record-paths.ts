import { ISTAT_CODE_PATTERN } from '@interscambio/enti';
import type { RecordTypeInfo } from '@interscambio/schemas';
import { MAX_BATCH_ITEMS } from '../records/batch.service';
import { componentName } from './record-schemas';
import {
  enteParameter,
  etagHeader,
  writeHeaders,
  idempotencyKeyHeader,
  ifMatchHeader,
  keyParameter,
  SECURITY_SCHEME,
} from './shared-components';

// The problem answers (401, 404, 422…) are added by conformApiDocument from what each operation takes.
export const needs = (scope: string): object[] => [{ [SECURITY_SCHEME]: [scope] }];

/** The operationId of `action` on a record type: `posizioneDebitoriaRead`. */
export const operationId = (type: string, action: string): string =>
  `${type.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}${action}`;

/** The paths of one record type, each body referencing the type's own schema. */
export function recordPaths(basePath: string, info: RecordTypeInfo): Record<string, object> {
  const ref = { $ref: `#/components/schemas/${componentName(info)}` };
  const json = (example?: unknown): object => ({
    'application/json': { schema: ref, ...(example === undefined ? {} : { example }) },
  });
  const tags = [info.type];
  const root = `${basePath}/records/${info.type}`;
  const name = info.title || info.type;
  const id = (action: string): string => operationId(info.type, action);
  return {
    [`${root}/{ente}/{key}`]: {
      parameters: [enteParameter, keyParameter],
      put: {
        tags,
        operationId: id('Upsert'),
        security: needs('records:write'),
        summary: `Crea o aggiorna: ${name}`,
        description: `${info.description}\n\nVisibilità: **${info.visibility}**. Contenuto uguale a quello salvato: 200 senza nuova revisione. Si scrive solo come l'ente del token.\n\n*English*: create or update; same content answers 200 with no new revision; only the token's own ente may be written.`,
        parameters: [ifMatchHeader, idempotencyKeyHeader],
        requestBody: { required: true, content: json(info.examples[0]) },
        responses: {
          '200': {
            description: 'Aggiornato, o invariato. / Updated, or unchanged.',
            headers: writeHeaders,
            content: json(info.examples[0]),
          },
          '201': { description: 'Creato. / Created.', headers: writeHeaders, content: json(info.examples[0]) },
        },
      },
      get: {
        tags,
        operationId: id('Read'),
        security: needs('records:read'),
        summary: `Leggi: ${name}`,
        description: `Visibilità: **${info.visibility}**. Un record che il chiamante non può vedere risponde 404, come uno assente.${info.visibility === 'personale' ? " Ogni lettura è scritta nella traccia di audit con l'accordo e la sua finalità." : ''}\n\nCon \`asOf\`, il record com'era in quell'istante (404 \`record-deleted\` con \`deletedAt\` se era già cancellato).\n\n*English*: a record the caller may not see answers 404, as a missing one does. With \`asOf\`, the record as it was then.`,
        parameters: [{ name: 'asOf', in: 'query', required: false, schema: { type: 'string', format: 'date-time' } }],
        responses: {
          '200': { description: 'Il record. / The record.', headers: etagHeader, content: json(info.examples[0]) },
          '304': { description: 'Non modificato (If-None-Match). / Not modified.' },
        },
      },
      delete: {
        tags,
        operationId: id('Delete'),
        security: needs('records:write'),
        summary: `Cancella: ${name} (tombstone: nuova revisione, evento di cancellazione)`,
        description: `Delete: ${name}. The record keeps its history: the deletion is a new revision (a tombstone) and an event.`,
        parameters: [ifMatchHeader, idempotencyKeyHeader],
        responses: { '204': { description: 'Cancellato. / Deleted.', headers: writeHeaders } },
      },
    },
    [root]: {
      get: {
        tags,
        operationId: id('List'),
        security: needs('records:read'),
        summary: `Elenca: ${name}, in ordine di modifica`,
        description: `List: ${name}, in order of change, a page at a time (follow \`next\`).`,
        parameters: [
          { name: 'ente', in: 'query', schema: { type: 'string', pattern: ISTAT_CODE_PATTERN } },
          { name: 'updatedSince', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
          {
            name: 'cursor',
            in: 'query',
            schema: { type: 'string' },
            description: 'Il `next` della pagina precedente.',
          },
        ],
        responses: {
          '200': {
            description: 'Una pagina di record. / A page of records.',
            content: { 'application/json': { schema: listSchema(ref), example: listExample(info.examples[0]) } },
          },
        },
      },
    },
    [`${root}/batch`]: {
      post: {
        tags,
        operationId: id('Batch'),
        security: needs('records:write'),
        summary: `Crea o aggiorna fino a ${MAX_BATCH_ITEMS} record ${info.type} insieme`,
        description: `Create or update up to ${MAX_BATCH_ITEMS} ${info.type} records together: one outcome per item, in order; invalid items do not block the valid ones.`,
        parameters: [idempotencyKeyHeader],
        requestBody: { required: true, content: { 'application/json': { schema: batchSchema(ref) } } },
        responses: {
          '200': {
            description: 'Un esito per elemento, in ordine; gli elementi non validi non bloccano i validi.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchResult' } } },
          },
        },
      },
    },
  };
}

function listExample(record: unknown): object {
  const items =
    record === undefined
      ? []
      : [{ ente: '082053', key: 'esempio-1', revision: 1, updatedAt: '2026-01-15T09:30:00Z', data: record }];
  return { items, next: null };
}

function listSchema(ref: object): object {
  const item = {
    type: 'object',
    required: ['ente', 'key', 'revision', 'updatedAt', 'data'],
    properties: {
      ente: { type: 'string' },
      key: { type: 'string' },
      revision: { type: 'integer' },
      updatedAt: { type: 'string', format: 'date-time' },
      data: ref,
    },
  };
  return {
    type: 'object',
    required: ['items', 'next'],
    properties: { items: { type: 'array', items: item }, next: { type: ['string', 'null'] } },
  };
}

function batchSchema(ref: object): object {
  const item = {
    type: 'object',
    required: ['ente', 'key', 'data'],
    properties: { ente: enteParameter.schema, key: keyParameter.schema, data: ref },
  };
  return {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', minItems: 1, maxItems: MAX_BATCH_ITEMS, items: item } },
  };
}
