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
  problemResponses,
  SECURITY_SCHEME,
} from './shared-components';

/** The problem responses of an operation: the ones every protected operation has, and `keys`. */
export const pick = (keys: (keyof typeof problemResponses)[]): object =>
  Object.fromEntries(
    ['401', '403', '429', ...keys].sort().map((k) => [k, problemResponses[k as keyof typeof problemResponses]]),
  );

export const needs = (scope: string): object[] => [{ [SECURITY_SCHEME]: [scope] }];

/** The paths of one record type, each body referencing the type's own schema. */
export function recordPaths(basePath: string, info: RecordTypeInfo): Record<string, object> {
  const ref = { $ref: `#/components/schemas/${componentName(info)}` };
  const json = (example?: unknown): object => ({
    'application/json': { schema: ref, ...(example === undefined ? {} : { example }) },
  });
  const tags = [info.type];
  const root = `${basePath}/records/${info.type}`;
  return {
    [`${root}/{ente}/{key}`]: {
      parameters: [enteParameter, keyParameter],
      put: {
        tags,
        operationId: `put_${info.type}`,
        security: needs('records:write'),
        summary: `Create or update a ${info.title || info.type}`,
        description: `${info.description}\n\nVisibility: **${info.visibility}**. Same content as stored: 200 with no new revision. Only the token's own ente may be written.`,
        parameters: [ifMatchHeader, idempotencyKeyHeader],
        requestBody: { required: true, content: json(info.examples[0]) },
        responses: {
          '200': { description: 'Updated, or unchanged.', headers: writeHeaders, content: json() },
          '201': { description: 'Created.', headers: writeHeaders, content: json() },
          ...pick(['400', '404', '412', '413', '415', '422', '500']),
        },
      },
      get: {
        tags,
        operationId: `get_${info.type}`,
        security: needs('records:read'),
        summary: `Read a ${info.title || info.type}`,
        description: `Visibility: **${info.visibility}**. A record the caller may not see answers 404, as a missing one does.${info.visibility === 'personale' ? ' Each read is written to the audit trail with the agreement and its purpose.' : ''} With \`asOf\`, the record as it was then (404 \`record-deleted\` with \`deletedAt\` if it was deleted by then).`,
        parameters: [{ name: 'asOf', in: 'query', schema: { type: 'string', format: 'date-time' } }],
        responses: {
          '200': { description: 'The record.', headers: etagHeader, content: json(info.examples[0]) },
          '304': { description: 'Not modified (If-None-Match).' },
          ...pick(['400', '404', '500']),
        },
      },
      delete: {
        tags,
        operationId: `delete_${info.type}`,
        security: needs('records:write'),
        summary: `Delete a ${info.title || info.type} (a tombstone: next revision, a deleted event)`,
        parameters: [ifMatchHeader, idempotencyKeyHeader],
        responses: { '204': { description: 'Deleted.', headers: writeHeaders }, ...pick(['400', '404', '412', '500']) },
      },
    },
    [root]: {
      get: {
        tags,
        operationId: `list_${info.type}`,
        security: needs('records:read'),
        summary: `List ${info.type} records in change order`,
        parameters: [
          { name: 'ente', in: 'query', schema: { type: 'string', pattern: '^[0-9]{6}$' } },
          { name: 'updatedSince', in: 'query', schema: { type: 'string', format: 'date-time' } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'The `next` of the previous page.' },
        ],
        responses: {
          '200': { description: 'A page of records.', content: { 'application/json': { schema: listSchema(ref) } } },
          ...pick(['400', '404', '500']),
        },
      },
    },
    [`${root}/batch`]: {
      post: {
        tags,
        operationId: `batch_${info.type}`,
        security: needs('records:write'),
        summary: `Create or update up to ${MAX_BATCH_ITEMS} ${info.type} records at once`,
        parameters: [idempotencyKeyHeader],
        requestBody: { required: true, content: { 'application/json': { schema: batchSchema(ref) } } },
        responses: {
          '200': {
            description: 'One result per item, in order; invalid items do not block valid ones.',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/BatchResult' } } },
          },
          ...pick(['400', '404', '413', '415', '422', '500']),
        },
      },
    },
  };
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
