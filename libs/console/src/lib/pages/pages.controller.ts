import { isIstatCode } from '@interscambio/enti';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ConsoleSettings } from '../console.settings';
import { consoleAsset } from '../http/assets';
import { ConsoleSession } from '../http/console-session';
import { layout } from '../http/layout';
import { field, sendPage } from '../http/web';
import type { WebReply, WebRequest } from '../http/web';
import { DeadLettersSource } from '../sources/dead-letters.source';
import { EntiSource } from '../sources/enti.source';
import { FlowsSource } from '../sources/flows.source';
import { ServiceWatcher } from '../sources/service-watcher';
import { TraceSource } from '../sources/trace.source';
import type { TraceQuery } from '../sources/trace.source';
import { entiPage } from './enti.page';
import { flussiPage } from './flussi.page';
import { panoramicaPage } from './panoramica.page';
import { scartatiPage } from './scartati.page';
import { recordPage, tracciaPage } from './traccia.page';

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/** The console's pages (GET): each needs a session and reads its sources. */
@Controller()
export class PagesController {
  constructor(
    private readonly session: ConsoleSession,
    private readonly settings: ConsoleSettings,
    private readonly watcher: ServiceWatcher,
    private readonly flows: FlowsSource,
    private readonly deadLetters: DeadLettersSource,
    private readonly enti: EntiSource,
    private readonly traces: TraceSource,
  ) {}

  @Get('assets/*')
  asset(@Param('*') name: string, @Res() reply: WebReply): void {
    const asset = consoleAsset(name);
    if (!asset) return void reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Non trovato');
    reply.header('content-type', asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  }

  @Get('panoramica')
  async panoramica(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.require(request, reply);
    if (!s) return;
    const latest = await this.traces.events({});
    const body = panoramicaPage(this.watcher.services(), this.watcher.lastHour(), latest.slice(0, 20));
    sendPage(reply, layout('Panoramica', { ...s, current: 'panoramica' }, body));
  }

  @Get('flussi')
  async flussi(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.require(request, reply);
    if (!s) return;
    const [topics, groups, outboxes] = await Promise.all([
      this.flows.topics(),
      this.flows.groups(),
      this.flows.outboxes(),
    ]);
    sendPage(reply, layout('Flussi', { ...s, current: 'flussi' }, flussiPage(topics, groups, outboxes)));
  }

  @Get('scartati')
  async scartati(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.require(request, reply);
    if (!s) return;
    const letters = await this.deadLetters.list('all');
    // After a replay or a discard (post/redirect/get): what was done, from numbers only.
    const replayed = field(request.query, 'riprodotti');
    const discarded = field(request.query, 'scartato');
    const notice =
      replayed && /^\d{1,6}$/.test(replayed)
        ? {
            kind: 'success' as const,
            text: replayed === '1' ? 'Messaggio riprodotto.' : `${replayed} messaggi riprodotti.`,
          }
        : discarded && /^\d{1,18}$/.test(discarded)
          ? { kind: 'success' as const, text: `Messaggio ${discarded} scartato.` }
          : undefined;
    sendPage(
      reply,
      layout('Messaggi scartati', { ...s, current: 'scartati' }, scartatiPage(letters, s.csrfToken, notice)),
    );
  }

  @Get('enti')
  async entiList(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.require(request, reply);
    if (!s) return;
    const themes = this.settings.themeServices().map((t) => t.name);
    sendPage(reply, layout('Enti', { ...s, current: 'enti' }, entiPage(await this.enti.list(), themes)));
  }

  @Get('traccia')
  async traccia(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.require(request, reply);
    if (!s) return;
    const q = request.query;
    const query: TraceQuery = {
      type: field(q, 'tipo') || undefined,
      ente: field(q, 'ente') || undefined,
      key: field(q, 'chiave') || undefined,
      correlationId: field(q, 'correlazione') || undefined,
    };
    const context = { ...s, current: 'traccia' };
    const asked = Object.values(query).some(Boolean);
    const error = !asked
      ? undefined
      : query.ente && !isIstatCode(query.ente)
        ? "L'ente è un codice ISTAT di 6 cifre."
        : query.type && !NAME.test(query.type)
          ? 'Il tipo è in minuscolo, con lettere, cifre e trattini (es. posizione-debitoria).'
          : !query.correlationId && !(query.type && query.ente)
            ? 'Indica almeno tipo ed ente, oppure un correlation id.'
            : undefined;
    const found = asked && !error ? await this.traces.events(query) : undefined;
    sendPage(reply, layout('Traccia record', context, tracciaPage(query, found, error)), error ? 400 : 200);
  }

  @Get('traccia/record')
  async record(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.require(request, reply);
    if (!s) return;
    const q = request.query;
    const record = {
      theme: field(q, 'tema') ?? '',
      type: field(q, 'tipo') ?? '',
      ente: field(q, 'ente') ?? '',
      key: field(q, 'chiave') ?? '',
    };
    const context = { ...s, current: 'traccia' };
    if (!NAME.test(record.theme) || !NAME.test(record.type) || !isIstatCode(record.ente) || !record.key)
      return void sendPage(
        reply,
        layout(
          'Traccia record',
          context,
          tracciaPage({}, undefined, 'Record non valido: servono tema, tipo, ente e chiave.'),
        ),
        400,
      );
    const trace = await this.traces.trace(record);
    sendPage(reply, layout(`Record ${record.key}`, context, recordPage(record, trace)));
  }
}
