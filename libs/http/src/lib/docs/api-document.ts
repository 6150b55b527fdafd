import type { OpenAPIObject } from '@nestjs/swagger';
import { MERGE_PATCH_MEDIA_TYPE } from '../requests/request-bodies';
import { apiHeaders, problemResponses, problemSchema, RATE_LIMIT_HEADERS } from './api-components';
import { withNumberFormats } from './number-formats';
import { operationProblems } from './operation-problems';
import { PUBLIC_EXTENSION, UNLIMITED_EXTENSION } from './route-extensions';

/** Who a service is, for the document's info, servers and security. */
export interface ApiIdentity {
  /** The first path segment and the token audience: `tributi`, `registry`. */
  service: string;
  title: string;
  /** One line, Italian first: `info.x-summary` and `info.summary`. */
  summary: string;
  description: string;
  /** `/<service>/v1`: the prefix every path of the document is relative to. */
  basePath: string;
  urls: PublicUrls;
  scopes: Record<string, string>;
  /** A description for each tag; a tag not named here gets a generic one. */
  tags: Record<string, string>;
  /** The token endpoint when configured as an https URL; else the registry's behind `publicUrl`. */
  tokenUrl?: string;
  /** The service's own JSON Schemas (bodies, views), added to the components by name. */
  schemas?: Record<string, object>;
}

/** Where integrators reach the platform: its public gateway (https) and the local sandbox. */
export interface PublicUrls {
  publicUrl: string;
  sandboxUrl: string;
}

export const API_SECURITY_SCHEME = 'oauth2';
export const API_VERSION = '1.0.0';
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];
const AUTHORITY = 'https://www.cittametropolitana.pa.it';

type Operation = Record<string, unknown> & {
  responses?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  tags?: string[];
};

/**
 * Makes a document Nest's scan produced conform to the Italian API guidelines and to Redocly's
 * recommended rules, whatever routes the service has: servers with paths relative to them, info,
 * tags, resource-style operation ids, security (public routes marked by @Public), the headers every
 * answer carries, the problem answers each operation can give, and formats on every number.
 */
export function conformApiDocument(document: OpenAPIObject, identity: ApiIdentity): OpenAPIObject {
  const paths: Record<string, Record<string, unknown>> = {};
  const used = new Set<string>();
  for (const [path, scanned] of Object.entries(document.paths)) {
    const item = withMergePatchBody(scanned);
    const relative = path.startsWith(identity.basePath) ? path.slice(identity.basePath.length) || '/' : path;
    const conformed: Record<string, unknown> = { ...item };
    for (const method of METHODS.filter((m) => m in item)) {
      const operation = conformOperation(method, relative, item as Record<string, unknown>);
      for (const tag of operation.tags ?? []) used.add(tag);
      conformed[method] = operation;
    }
    paths[relative] = conformed;
  }
  const base = `${identity.urls.publicUrl}${identity.basePath}`;
  const sandbox = `${identity.urls.sandboxUrl}${identity.basePath}`;
  const conformed = {
    ...document,
    info: {
      title: identity.title,
      version: API_VERSION,
      summary: identity.summary,
      'x-summary': identity.summary,
      'x-api-id': `interscambio-${identity.service}`,
      description: identity.description,
      termsOfService: AUTHORITY,
      contact: { name: 'Città Metropolitana di Palermo — piattaforma Interscambio', url: AUTHORITY },
      license: { name: 'EUPL-1.2', url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12' },
    },
    servers: [
      ...(base === sandbox ? [] : [{ url: base, description: 'Produzione: il gateway di Interscambio' }]),
      { url: sandbox, description: 'Sandbox locale (`npm start`): dati dimostrativi', 'x-sandbox': true },
    ],
    tags: [...used].sort().map((name) => ({ name, description: identity.tags[name] ?? `Operazioni: ${name}.` })),
    security: [{ [API_SECURITY_SCHEME]: [] }],
    paths,
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...identity.schemas, Problem: problemSchema },
      headers: apiHeaders,
      responses: problemResponses((status) => (status === '429' || status === '503' ? retryHeaders() : {})),
      securitySchemes: { [API_SECURITY_SCHEME]: securityScheme(identity) },
    },
  };
  return withoutUnusedResponses(withNumberFormats(conformed)) as unknown as OpenAPIObject;
}

/** PATCH bodies are JSON merge patches (RFC 7396), as registerMergePatchParser reads them. */
function withMergePatchBody<T extends object>(item: T): T {
  const patch = (item as { patch?: Operation }).patch;
  const body = patch?.['requestBody'] as { content?: Record<string, unknown> } | undefined;
  const json = body?.content?.['application/json'];
  if (!patch || !body || !json) return item;
  return { ...item, patch: { ...patch, requestBody: { ...body, content: { [MERGE_PATCH_MEDIA_TYPE]: json } } } };
}

function securityScheme(identity: ApiIdentity): object {
  return {
    type: 'oauth2',
    description:
      `OAuth2 client credentials del registry. Il token deve avere audience \`${identity.service}\`: ` +
      `la documentazione interattiva (/docs) la aggiunge da sé. / Registry tokens with audience \`${identity.service}\`.`,
    'x-interscambio-audience': identity.service,
    flows: {
      clientCredentials: {
        tokenUrl: identity.tokenUrl?.startsWith('https://')
          ? identity.tokenUrl
          : `${identity.urls.publicUrl}/registry/v1/oauth/token`,
        scopes: identity.scopes,
      },
    },
  };
}

const ref = (kind: string, name: string): object => ({ $ref: `#/components/${kind}/${name}` });
const retryHeaders = (): object => ({ 'Retry-After': ref('headers', 'Retry-After') });

function conformOperation(method: string, path: string, item: Record<string, unknown>): Operation {
  const { [PUBLIC_EXTENSION]: isPublic, [UNLIMITED_EXTENSION]: unlimited, ...operation } = item[method] as Operation;
  const security = isPublic
    ? []
    : operation.security?.map((s) => ({ [API_SECURITY_SCHEME]: Object.values(s)[0] ?? [] }));
  const summary = (operation['summary'] as string | undefined) ?? `${method.toUpperCase()} ${path}`;
  const responses: Record<string, Record<string, unknown>> = {};
  const problems = operationProblems(method, path, item, operation, !isPublic, !unlimited);
  for (const [status, response] of Object.entries({ ...problems, ...operation.responses })) {
    const rateLimit = unlimited ? {} : Object.fromEntries(RATE_LIMIT_HEADERS.map((h) => [h, ref('headers', h)]));
    const cache = status.startsWith('2') ? { 'Cache-Control': ref('headers', 'Cache-Control') } : {};
    const own = response as Record<string, unknown>;
    responses[status] =
      '$ref' in own ? own : { ...own, headers: { ...rateLimit, ...cache, ...(own['headers'] as object) } };
  }
  return {
    ...operation,
    operationId: resourceOperationId(operation['operationId'] as string | undefined, method, path),
    summary,
    description: (operation['description'] as string | undefined) || summary,
    tags: operation.tags?.length ? operation.tags : [path.split('/')[1] || 'api'],
    ...(security === undefined ? {} : { security }),
    responses,
  };
}

/** Nest names an operation `<Controller>_<method>`; the guidelines want the resource and the action. */
function resourceOperationId(id: string | undefined, method: string, path: string): string {
  const nest = /^(\w+?)Controller_(\w+)$/.exec(id ?? '');
  if (id && !nest) return id;
  const resource =
    nest?.[1] ??
    camel(
      path
        .split('/')
        .filter((s) => s && !s.startsWith('{'))
        .join('-'),
    ) ??
    'api';
  const action = nest?.[2] ?? method;
  const lower = resource.charAt(0).toLowerCase() + resource.slice(1);
  const verb = action === 'get' || action.toLowerCase() === lower.toLowerCase() ? 'read' : action;
  return `${lower}${verb.charAt(0).toUpperCase()}${verb.slice(1)}`;
}

const camel = (text: string): string => text.replace(/[^A-Za-z0-9]+([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());

function withoutUnusedResponses<T extends { paths: object; components: object }>(document: T): T {
  const text = JSON.stringify(document.paths);
  const components = document.components as { responses: Record<string, object> };
  const responses = Object.fromEntries(
    Object.entries(components.responses).filter(([name]) => text.includes(`"#/components/responses/${name}"`)),
  );
  return { ...document, components: { ...components, responses } };
}
