import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { getSwaggerAssetsAbsoluteFSPath } from '@nestjs/swagger/dist/swagger-ui';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { HttpReply } from '../http.types';
import { ProblemError } from '../problem/problem.error';
import { Public } from '../routes/public-route';
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

const page = (title: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="docs/swagger-ui.css"><link rel="icon" href="docs/favicon-32x32.png"></head>
<body><div id="swagger-ui"></div><script src="docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: 'openapi.json', dom_id: '#swagger-ui' });</script></body></html>`;

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
    const title = this.holder.document?.info.title ?? 'Interscambio API';
    return reply.header('content-type', 'text/html; charset=utf-8').send(page(title));
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
