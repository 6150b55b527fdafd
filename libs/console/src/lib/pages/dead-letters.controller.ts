import { Controller, Logger, Post, Req, Res } from '@nestjs/common';
import type { Session } from '../auth/sessions';
import { ConsoleSession } from '../http/console-session';
import { layout } from '../http/layout';
import { field, sendPage } from '../http/web';
import type { WebReply, WebRequest } from '../http/web';
import { DeadLetterNotFoundError, DeadLettersSource } from '../sources/dead-letters.source';
import { scartatiPage } from './scartati.page';

const ID = /^[0-9]{1,18}$/;

/** Replay and discard: form POSTs with CSRF token and origin checked, audited by the source. */
@Controller('scartati')
export class DeadLettersController {
  private readonly logger = new Logger('DeadLetters');

  constructor(
    private readonly session: ConsoleSession,
    private readonly deadLetters: DeadLettersSource,
  ) {}

  @Post('riproduci')
  async replay(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.requireForm(request, reply);
    if (!s) return;
    const id = field(request.body, 'id') ?? '';
    if (id !== 'tutti' && !ID.test(id)) return this.page(reply, s, 400, 'danger', 'Messaggio non valido.');
    try {
      const n = await this.deadLetters.replay(id === 'tutti' ? 'all' : [id], s.operator);
      this.logger.log(`operator ${s.operator.id} replayed ${n} dead letter(s)`);
      return void reply.redirect(`/console/scartati?riprodotti=${n}`, 303);
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError)
        return this.page(reply, s, 404, 'danger', 'Il messaggio non è più da gestire.');
      throw error;
    }
  }

  @Post('scarta')
  async discard(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const s = await this.session.requireForm(request, reply);
    if (!s) return;
    const id = field(request.body, 'id') ?? '';
    const reason = field(request.body, 'motivo') ?? '';
    if (!ID.test(id)) return this.page(reply, s, 400, 'danger', 'Messaggio non valido.');
    if (reason.length === 0 || reason.length > 500)
      return this.page(reply, s, 400, 'danger', 'Scrivi il motivo dello scarto (al massimo 500 caratteri).');
    try {
      await this.deadLetters.discard([id], s.operator, reason);
      this.logger.log(`operator ${s.operator.id} discarded dead letter ${id}`);
      return void reply.redirect(`/console/scartati?scartato=${id}`, 303);
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError)
        return this.page(reply, s, 404, 'danger', 'Il messaggio non è più da gestire.');
      throw error;
    }
  }

  /** A refused action: the list again, with why, under the status that says so. */
  private async page(reply: WebReply, s: Session, status: number, kind: 'danger', text: string): Promise<void> {
    const letters = await this.deadLetters.list('all');
    const body = scartatiPage(letters, s.csrfToken, { kind, text });
    sendPage(reply, layout('Messaggi scartati', { ...s, current: 'scartati' }, body), status);
  }
}
