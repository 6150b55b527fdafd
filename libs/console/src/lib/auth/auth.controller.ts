import { randomBytes } from 'node:crypto';
import { Controller, Get, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { ConsoleSession } from '../http/console-session';
import { fmt } from '../http/format';
import { layout } from '../http/layout';
import { cookie, cookies, field, sameOrigin, sendPage } from '../http/web';
import type { WebReply, WebRequest } from '../http/web';
import { ConsoleSettings } from '../console.settings';
import { loginPage } from '../pages/login.page';
import { OPERATOR_AUTHENTICATOR } from './operator-authenticator';
import type { OperatorAuthenticator } from './operator-authenticator';
import { Sessions } from './sessions';

// Before a session exists the form's CSRF token is double-submitted: a cookie and a hidden field
// with the same random value, which another site can neither read nor set (SameSite=Strict).
const LOGIN_COOKIE = 'interscambio_console_login';

@Controller()
export class AuthController {
  private readonly logger = new Logger('ConsoleAuth');

  constructor(
    @Inject(OPERATOR_AUTHENTICATOR) private readonly authenticator: OperatorAuthenticator,
    private readonly sessions: Sessions,
    private readonly session: ConsoleSession,
    private readonly settings: ConsoleSettings,
  ) {}

  @Get()
  root(@Res() reply: WebReply): void {
    reply.redirect('/console/panoramica', 303);
  }

  @Get('accesso')
  async form(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    if (await this.sessions.find(this.session.current(request))) return void reply.redirect('/console/panoramica', 303);
    this.loginForm(reply, 200);
  }

  @Post('accesso')
  async login(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const email = field(request.body, 'email') ?? '';
    const password = (request.body as Record<string, unknown> | undefined)?.['password'];
    const token = field(request.body, '_csrf');
    if (!sameOrigin(request) || !token || token !== cookies(request).get(LOGIN_COOKIE))
      return this.loginForm(reply, 403, 'Il modulo è scaduto: riprova.', email);
    if (!email || typeof password !== 'string' || password.length === 0 || password.length > 1024)
      return this.loginForm(reply, 400, 'Inserisci indirizzo e-mail e password.', email);
    const outcome = await this.authenticator.authenticate({ email, password });
    if (!outcome.ok) {
      this.logger.warn(`login refused (${outcome.reason})`);
      return outcome.reason === 'locked'
        ? this.loginForm(
            reply,
            429,
            `Troppi tentativi non riusciti: l'accesso è bloccato fino alle ${fmt.time(outcome.lockedUntil ?? new Date())}.`,
            email,
          )
        : this.loginForm(reply, 401, 'Indirizzo e-mail o password non corretti.', email);
    }
    const id = await this.sessions.open(outcome.operator);
    this.logger.log(`operator ${outcome.operator.id} signed in`);
    reply
      .header('set-cookie', [this.session.cookie(id), cookie(LOGIN_COOKIE, '', this.settings.config.secureCookies, 0)])
      .redirect('/console/panoramica', 303);
  }

  @Post('esci')
  async logout(@Req() request: WebRequest, @Res() reply: WebReply): Promise<void> {
    const session = await this.session.requireForm(request, reply);
    if (!session) return;
    await this.sessions.close(this.session.current(request));
    reply.header('set-cookie', this.session.cookie('', 0)).redirect('/console/accesso', 303);
  }

  private loginForm(reply: WebReply, status: number, error?: string, email?: string): void {
    const token = randomBytes(24).toString('base64url');
    reply.header('set-cookie', cookie(LOGIN_COOKIE, token, this.settings.config.secureCookies));
    sendPage(reply, layout('Accesso', {}, loginPage(token, error, email)), status);
  }
}
