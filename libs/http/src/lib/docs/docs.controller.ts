import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { getSwaggerAssetsAbsoluteFSPath } from '@nestjs/swagger/dist/swagger-ui';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { HttpReply } from '../http.types';
import { ProblemError } from '../problem/problem.error';
import { Public } from '../routes/public-route';
import { API_SECURITY_SCHEME } from './api-document';
import { OpenApiHolder } from './openapi.holder';

// Swagger UI from the swagger-ui-dist that @nestjs/swagger depends on (located through its own
// helper): @nestjs/swagger's UI setup needs @fastify/static on Fastify, which is not installed.
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

const script = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

// Swagger UI calls the deployment it is served from (the document names the production gateway
// first) and asks the token endpoint for this service's audience, which Swagger UI cannot send.
const page = (title: string, audience: string, publicOrigins: string[]): string => `<!doctype html>
<html lang="it"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="docs/swagger-ui.css"><link rel="icon" href="docs/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div><script src="docs/swagger-ui-bundle.js"></script>
<script>
const AUDIENCE = ${script(audience)};
const PUBLIC_ORIGINS = ${script(publicOrigins)};
window.ui = SwaggerUIBundle({
  url: 'openapi.json',
  dom_id: '#swagger-ui',
  requestInterceptor: (req) => {
    for (const origin of PUBLIC_ORIGINS)
      if (req.url.startsWith(origin + '/')) req.url = location.origin + req.url.slice(origin.length);
    if (/\\/oauth\\/token$/.test(req.url.split('?')[0]) && typeof req.body === 'string' && !/(^|&)audience=/.test(req.body))
      req.body += '&audience=' + encodeURIComponent(AUDIENCE);
    return req;
  },
});
</script></body></html>`;

class NotFoundError extends ProblemError {
  constructor(detail: string) {
    super('not-found', 404, 'Not found', detail);
  }
}

/** The service's OpenAPI document and Swagger UI over it, at `<base>/openapi.json` and `<base>/docs`. */
@ApiExcludeController()
@Public()
@Controller()
export class DocsController {
  constructor(private readonly holder: OpenApiHolder) {}

  @Get('openapi.json')
  openapi(): OpenAPIObject {
    if (!this.holder.document) throw new NotFoundError('The OpenAPI document is not built yet.');
    return this.holder.document;
  }

  @Get('docs')
  docs(@Res() reply: HttpReply): HttpReply {
    const document = this.holder.document;
    const scheme = document?.components?.securitySchemes?.[API_SECURITY_SCHEME] as Record<string, unknown> | undefined;
    const audience = String(scheme?.['x-interscambio-audience'] ?? '');
    const origins = (document?.servers ?? [])
      .filter((s) => !s['x-sandbox' as keyof typeof s])
      .map((s) => new URL(s.url).origin);
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .send(page(document?.info.title ?? 'Interscambio API', audience, origins));
  }

  @Get('docs/:asset')
  asset(@Param('asset') asset: string, @Res() reply: HttpReply): HttpReply {
    const type = ASSETS[asset];
    if (!type) throw new NotFoundError(`No asset ${asset}.`);
    return reply
      .header('content-type', type)
      .header('cache-control', 'public, max-age=86400')
      .send(readFileSync(path.join(getSwaggerAssetsAbsoluteFSPath(), asset)));
  }
}
