import type { JsonSchema } from './schema-values';

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface ApiOperation {
  method: string;
  /** The path template, `{name}` for each path parameter. */
  path: string;
  parameters: ApiParameter[];
  body?: { mediaType: string; schema: JsonSchema; required: boolean };
}

interface OpenApiOperation {
  parameters?: ApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

/**
 * Every operation of an OpenAPI 3.1 document, with the path item's parameters merged into each and
 * its path as a request names it: behind the path of the document's first server (`/tributi/v1`).
 */
export function apiOperations(document: {
  paths?: Record<string, Record<string, unknown>>;
  servers?: { url: string }[];
}): ApiOperation[] {
  const server = document.servers?.[0]?.url;
  const prefix = server ? new URL(server, 'http://localhost').pathname.replace(/\/$/, '') : '';
  const operations: ApiOperation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = (item['parameters'] ?? []) as ApiParameter[];
    for (const method of METHODS.filter((m) => m in item)) {
      const operation = item[method] as OpenApiOperation;
      const own = operation.parameters ?? [];
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name)), ...own].map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required ?? p.in === 'path',
        schema: p.schema ?? {},
      }));
      const [mediaType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method.toUpperCase(),
        path: `${prefix}${path}`,
        parameters,
        ...(mediaType
          ? { body: { mediaType, schema: content?.schema ?? {}, required: operation.requestBody?.required ?? false } }
          : {}),
      });
    }
  }
  return operations;
}

/** `PUT /tributi/v1/records/versamento/{ente}/{key}`: how a case names its operation. */
export function operationName(operation: ApiOperation): string {
  return `${operation.method} ${operation.path}`;
}
