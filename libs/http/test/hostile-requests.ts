import fc from 'fast-check';
import { brokenBodies, mutatedDocuments } from './document-mutations';
import { hostileText } from './hostile-values';
import { hostileJson, jsonText } from './json-text';
import type { ApiOperation } from './openapi-operations';
import { operationName } from './openapi-operations';
import {
  asHeaderValue,
  contentTypes,
  hostileEntityTag,
  hostileQueryName,
  hostileQueryValue,
  hostileSegment,
  idempotencyKeys,
  percentEncode,
} from './request-parts';
import { resolvePointer, schemaValues } from './schema-values';

/** A token of a kind the suite mints when the case runs (tokens expire, cases must replay), or a raw header. */
type Credentials = { kind: string } | { header: string } | undefined;

export interface HostileRequest {
  operation: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  credentials: Credentials;
}

/** What the suite knows of the service: values that address real things, documents it accepts. */
export interface OperationValues {
  path?: Record<string, fc.Arbitrary<string>>;
  query?: Record<string, fc.Arbitrary<string>>;
  bodies?: fc.Arbitrary<unknown>;
  /** Values for body properties of these names, whatever their schema says (`ente`: the caller's own). */
  named?: Record<string, fc.Arbitrary<unknown>>;
  /** Token kinds the operation accepts; the first of HostileRequestOptions.credentials when absent. */
  credentials?: readonly string[];
}

export interface HostileRequestOptions {
  /** The OpenAPI document the operation comes from: its `#/components/…` references resolve there. */
  document: unknown;
  /** The token kinds the suite can mint, the usual one first. */
  credentials: readonly string[];
  /** A body length over the service's limit. */
  oversized: number;
  values(operation: ApiOperation): OperationValues;
}

type Part = 'method' | 'path' | 'query' | 'headers' | 'credentials' | 'body';

const OTHER_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

// Which part of a request is hostile: one at a time, so that the rest is right and the request gets
// as far as that part can take it; now and then all of them at once.
const focus: fc.Arbitrary<Part | 'all'> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('body' as const) },
  { weight: 2, arbitrary: fc.constantFrom('path' as const, 'query' as const, 'headers' as const) },
  { weight: 1, arbitrary: fc.constantFrom('credentials' as const, 'method' as const, 'all' as const) },
);

/**
 * Requests for one operation of an OpenAPI document, each with something hostile in it (path
 * parameters, query string, headers, credentials or body, generated from the schemas and then
 * mutated) and the rest as a real client sends it, so that most get past the gate to the code the
 * hostile part aims at.
 */
export function hostileRequests(operation: ApiOperation, options: HostileRequestOptions): fc.Arbitrary<HostileRequest> {
  const values = options.values(operation);
  const parameters = (place: 'path' | 'query'): SentParameter[] =>
    operation.parameters
      .filter((p) => p.in === place)
      .map((p) => {
        const allowed = schemaValues(p.schema, { root: options.document }).map((v) => percentEncode(String(v)));
        return { name: p.name, allowed, good: values[place]?.[p.name]?.map(percentEncode) ?? allowed };
      });
  const valid = values.credentials ?? options.credentials.slice(0, 1);
  return focus
    .chain((f) => {
      const hostile = (part: Part): boolean => f === part || f === 'all';
      return fc.record({
        method: hostile('method') ? fc.constantFrom(...OTHER_METHODS) : fc.constant(operation.method),
        path: pathOf(operation.path, parameters('path'), hostile('path')),
        query: queryOf(parameters('query'), hostile('query')),
        headers: headersOf(operation, hostile('headers')),
        credentials: hostile('credentials')
          ? credentialsOf(options.credentials)
          : fc.constantFrom(...valid).map((kind) => ({ kind })),
        body: bodyOf(operation, values, options, hostile('body')),
      });
    })
    .map(({ method, path, query, headers, credentials, body }) => {
      const request: HostileRequest = {
        operation: operationName(operation),
        method,
        url: query === '' ? path : `${path}?${query}`,
        headers: Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined)),
        credentials,
        ...(body === undefined ? {} : { body }),
      };
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });
}

/** The request as a failure report shows it: bodies cut at 300 characters. */
function describeRequest(request: HostileRequest): string {
  const body =
    request.body === undefined
      ? ''
      : ` body=${JSON.stringify(String(request.body).slice(0, 300))}${String(request.body).length > 300 ? `… (${request.body.length} in all)` : ''}`;
  return `${request.method} ${request.url.slice(0, 600)} headers=${JSON.stringify(request.headers).slice(0, 600)} credentials=${JSON.stringify(request.credentials)}${body}`;
}

/** A path or query parameter: what a real client sends (the operation's own values, else any its schema allows). */
interface SentParameter {
  name: string;
  good: fc.Arbitrary<string>;
  allowed: fc.Arbitrary<string>;
}

function pathOf(template: string, parameters: SentParameter[], hostile: boolean): fc.Arbitrary<string> {
  const segments = parameters.map(({ good, allowed }) => {
    if (!hostile) return good;
    return fc.oneof(
      { weight: 2, arbitrary: good },
      { weight: 1, arbitrary: allowed },
      { weight: 3, arbitrary: hostileSegment },
    );
  });
  return fc
    .tuple(...segments)
    .map((chosen) => parameters.reduce((path, p, i) => path.replace(`{${p.name}}`, chosen[i] as string), template));
}

function queryOf(parameters: SentParameter[], hostile: boolean): fc.Arbitrary<string> {
  const declared = parameters.map(({ name, good }) => {
    if (!hostile)
      return fc.option(
        good.map((v) => [`${encodeURIComponent(name)}=${v}`]),
        { freq: 2, nil: [] },
      );
    const one = fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: hostileQueryValue });
    const sent = fc.oneof(
      { weight: 6, arbitrary: one.map((v) => [v]) },
      { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }) },
    );
    return fc.option(
      sent.map((vs) => vs.map((v) => `${encodeURIComponent(name)}=${v}`)),
      { freq: 2, nil: [] },
    );
  });
  const extra = fc.array(
    fc.tuple(hostileQueryName, hostileQueryValue).map(([n, v]) => `${n}=${v}`),
    { maxLength: 2 },
  );
  const tail = fc.option(fc.constantFrom('&', '&&', '=', '&=&', '?', '%'), { freq: 8, nil: '' });
  if (!hostile) return fc.tuple(...declared).map((chosen) => chosen.flat().join('&'));
  return fc
    .tuple(fc.tuple(...declared), fc.option(extra, { freq: 3, nil: [] }), tail)
    .map(([chosen, more, end]) => [...chosen.flat(), ...more].join('&') + end);
}

function headersOf(operation: ApiOperation, hostile: boolean): fc.Arbitrary<Record<string, string | undefined>> {
  const optional = (arbitrary: fc.Arbitrary<string>, freq = 3): fc.Arbitrary<string | undefined> =>
    fc.option(arbitrary.map(asHeaderValue), { freq, nil: undefined });
  // Half the well-formed requests carry an Idempotency-Key: a path of its own (one transaction, a
  // fingerprint of the request, the answer kept for replays).
  if (!hostile)
    return fc.record({
      'content-type': fc.constant(operation.body ? operation.body.mediaType : undefined),
      'idempotency-key': optional(fc.stringMatching(/^[\x21-\x7e]{1,64}$/), 2),
    });
  return fc.record({
    'content-type': contentTypes(operation.body?.mediaType ?? 'application/json').map((v) =>
      v === undefined ? v : asHeaderValue(v),
    ),
    'if-match': optional(hostileEntityTag),
    'if-none-match': optional(hostileEntityTag),
    'idempotency-key': optional(idempotencyKeys),
    'x-correlation-id': optional(hostileText, 6),
    traceparent: optional(
      fc.oneof(fc.constant('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'), hostileText),
      6,
    ),
    accept: optional(fc.oneof(fc.constantFrom('application/json', 'text/html', '*/*', ''), hostileText), 8),
    'content-encoding': optional(fc.constantFrom('gzip', 'br', 'identity', 'chunked', 'x'), 12),
    'x-forwarded-for': optional(
      fc.oneof(fc.constantFrom('127.0.0.1', '::1', '1.2.3.4, 127.0.0.1', ''), hostileText),
      12,
    ),
  });
}

function credentialsOf(kinds: readonly string[]): fc.Arbitrary<Credentials> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...kinds).map((kind) => ({ kind })) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.constantFrom(
            'Bearer',
            'Bearer ',
            'bearer',
            'Basic',
            'Basic Zm9vOmJhcg==',
            'Bearer a.b.c',
            'Bearer ..',
            'Negotiate x',
            'Bearer =',
            `Bearer ${'a'.repeat(10_000)}`,
          ),
          fc
            .stringMatching(/^[A-Za-z0-9_-]{0,40}\.[A-Za-z0-9_-]{0,80}\.[A-Za-z0-9_-]{0,40}$/)
            .map((t) => `Bearer ${t}`),
          hostileText.map((t) => `Bearer ${t}`),
          fc
            .tuple(hostileText, hostileText)
            .map(([id, secret]) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`),
          hostileText,
        )
        .map((header) => ({ header: asHeaderValue(header) })),
    },
  );
}

function bodyOf(
  operation: ApiOperation,
  values: OperationValues,
  options: HostileRequestOptions,
  hostile: boolean,
): fc.Arbitrary<string | Buffer | undefined> {
  const form = operation.body?.mediaType === 'application/x-www-form-urlencoded';
  const generated = operation.body
    ? schemaValues(operation.body.schema, { root: options.document, named: values.named })
    : fc.jsonValue();
  const valid = values.bodies ?? generated;
  const encode = (document: unknown): string | undefined =>
    form ? formText(document) : document === undefined ? undefined : jsonText(document);
  if (!hostile) return operation.body ? valid.map(encode) : fc.constant(undefined);
  const broken = brokenBodies(valid, options.oversized);
  if (!operation.body) return fc.oneof(fc.constant(undefined), broken, hostileJson.map(jsonText));
  return fc.oneof(
    {
      weight: 8,
      arbitrary: mutatedDocuments(valid, propertyNames(operation.body.schema, options.document)).map(encode),
    },
    { weight: 3, arbitrary: generated.map(encode) },
    { weight: 2, arbitrary: hostileJson.map(encode) },
    { weight: 3, arbitrary: broken },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A form as a careless client writes it: every value as text, objects as JSON, names and values encoded. */
function formText(document: unknown): string | undefined {
  if (document === undefined) return undefined;
  if (document === null || typeof document !== 'object') return percentEncode(String(document));
  return Object.entries(document)
    .map(
      ([name, value]) => `${percentEncode(name)}=${percentEncode(typeof value === 'string' ? value : jsonText(value))}`,
    )
    .join('&');
}

/** Every property name a schema declares, at any depth, its references followed once. */
function propertyNames(schema: unknown, document: unknown, seen = new Set<unknown>()): string[] {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) return [];
  seen.add(schema);
  const s = schema as Record<string, unknown>;
  const own = Object.keys((s['properties'] ?? {}) as object);
  const ref = typeof s['$ref'] === 'string' ? [resolvePointer(document, s['$ref'])] : [];
  const nested = [...Object.values(s), ...ref].flatMap((child) =>
    Array.isArray(child)
      ? child.flatMap((c) => propertyNames(c, document, seen))
      : propertyNames(child, document, seen),
  );
  return [...new Set([...own, ...nested])];
}
