import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { getSwaggerAssetsAbsoluteFSPath } from '@nestjs/swagger/dist/swagger-ui';
import type { HttpReply } from '@interscambio/http';
import { catalogPage, diffPage, typePage } from './catalog/catalog.pages';
import { versionDiff } from './catalog/schema-versions';
import { eventsPage } from './events/events.page';
import { guidePage } from './guide/guide';
import { apiIndexPage, apiReferencePage, eventsIndexPage, homePage } from './pages/reference.pages';
import { PortalCatalog } from './portal.catalog';
import type { TypeAddress } from './portal.catalog';
import { portalContentDir } from './portal-content';
import { PortalBadRequestError, PortalNotFoundError } from './portal.errors';

// Scripts and styles only from the portal itself. Swagger UI sets style attributes from its scripts,
// which style-src 'self' would block: its pages alone allow inline styles (never inline scripts).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
const SWAGGER_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

const ASSETS: Record<string, [type: string, from: 'portal' | 'swagger']> = {
  'portal.css': ['text/css; charset=utf-8', 'portal'],
  'api-reference.js': ['text/javascript; charset=utf-8', 'portal'],
  'swagger-ui.css': ['text/css; charset=utf-8', 'swagger'],
  'swagger-ui-bundle.js': ['text/javascript; charset=utf-8', 'swagger'],
};

const send = (reply: HttpReply, body: string, csp = CSP): HttpReply =>
  reply
    .headers({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      'cache-control': 'no-cache',
    })
    .send(body);

/** The developer portal's pages under /docs: home, guide, API reference, events, schema catalog. */
@Controller()
export class PortalController {
  private readonly content = portalContentDir();

  constructor(private readonly catalog: PortalCatalog) {}

  @Get()
  home(@Res() reply: HttpReply): HttpReply {
    return send(reply, homePage(this.catalog.services, this.catalog.themes));
  }

  @Get('guida')
  guide(@Res() reply: HttpReply): HttpReply {
    return send(reply, guidePage());
  }

  @Get('api')
  apis(@Res() reply: HttpReply): HttpReply {
    return send(reply, apiIndexPage(this.catalog.services));
  }

  @Get('api/:service')
  api(@Param('service') name: string, @Res() reply: HttpReply): HttpReply {
    return send(reply, apiReferencePage(this.catalog.service(name)), SWAGGER_CSP);
  }

  @Get('eventi')
  eventsIndex(@Res() reply: HttpReply): HttpReply {
    return send(reply, eventsIndexPage(this.catalog.themes));
  }

  @Get('eventi/:theme')
  events(@Param('theme') theme: string, @Res() reply: HttpReply): HttpReply {
    return send(reply, eventsPage(theme, this.catalog.asyncApi(theme)));
  }

  @Get('schemi')
  schemas(@Res() reply: HttpReply): HttpReply {
    return send(reply, catalogPage(this.catalog.types));
  }

  @Get('schemi/:theme/:type')
  type(@Param() at: TypeAddress, @Res() reply: HttpReply): HttpReply {
    const found = this.catalog.type(at);
    return send(reply, typePage(found, this.catalog.consecutiveDiffs(found)));
  }

  @Get('schemi/:theme/:type/differenze')
  diff(
    @Param() at: TypeAddress,
    @Query('da') from: unknown,
    @Query('a') to: unknown,
    @Res() reply: HttpReply,
  ): HttpReply {
    const found = this.catalog.type(at);
    if (typeof from !== 'string' || typeof to !== 'string')
      throw new PortalBadRequestError(
        'Indicare una sola versione di partenza (da) e una di arrivo (a), es. ?da=1.0&a=1.',
      );
    const diff = versionDiff(found, from, to);
    if (!diff)
      throw new PortalNotFoundError(
        `${at.theme}/${at.type} non ha la versione ${found.versions.some((v) => v.version === from) ? to : from}; ha ${found.versions.map((v) => v.version).join(', ')}.`,
      );
    return send(reply, diffPage(found, diff));
  }

  @Get('schemi/:theme/:type/versioni/:file')
  version(@Param() at: TypeAddress, @Param('file') file: string, @Res() reply: HttpReply): HttpReply {
    const found = this.catalog.type(at);
    const version = found.versions.find((v) => `${v.version}.json` === file);
    if (!version)
      throw new PortalNotFoundError(
        `${at.theme}/${at.type} non ha ${file}; ha ${found.versions.map((v) => `${v.version}.json`).join(', ')}.`,
      );
    return reply.header('content-type', 'application/schema+json').send(JSON.stringify(version.schema, null, 2));
  }

  @Get('assets/:asset')
  asset(@Param('asset') asset: string, @Res() reply: HttpReply): HttpReply {
    const known = ASSETS[asset];
    if (!known) throw new PortalNotFoundError(`Nessuna risorsa ${asset}.`);
    const [type, from] = known;
    const dir = from === 'portal' ? this.content : getSwaggerAssetsAbsoluteFSPath();
    return reply
      .headers({ 'content-type': type, 'cache-control': 'public, max-age=3600', 'x-content-type-options': 'nosniff' })
      .send(readFileSync(path.join(dir, asset)));
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'up' };
  }

  @Get('health/ready')
  ready(): { status: string } {
    return { status: 'up' };
  }
}
