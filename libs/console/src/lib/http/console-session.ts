import { Injectable } from '@nestjs/common';
import { sameToken, Sessions } from '../auth/sessions';
import type { Session } from '../auth/sessions';
import { ConsoleSettings } from '../console.settings';
import { cookie, cookies, field, sameOrigin } from './web';
import type { WebReply, WebRequest } from './web';

const SESSION_COOKIE = 'interscambio_console';
const LOGIN_PATH = '/console/accesso';

/** The session of a request, and the checks every page and every form makes. */
@Injectable()
export class ConsoleSession {
  constructor(
    private readonly sessions: Sessions,
    private readonly settings: ConsoleSettings,
  ) {}

  /** The operator's session, or undefined after redirecting to the login page. */
  async require(request: WebRequest, reply: WebReply): Promise<Session | undefined> {
    const session = await this.sessions.find(cookies(request).get(SESSION_COOKIE));
    if (!session) reply.redirect(LOGIN_PATH, 303);
    return session;
  }

  /** The session of a form POST whose origin and CSRF token check out; else answers 403 or redirects. */
  async requireForm(request: WebRequest, reply: WebReply): Promise<Session | undefined> {
    const session = await this.require(request, reply);
    if (!session) return undefined;
    if (!sameOrigin(request) || !sameToken(field(request.body, '_csrf'), session.csrfToken)) {
      reply
        .status(403)
        .header('content-type', 'text/plain; charset=utf-8')
        .send('Richiesta rifiutata: modulo scaduto o di un altro sito. Ricarica la pagina e riprova.');
      return undefined;
    }
    return session;
  }

  cookie(value: string, maxAgeSeconds?: number): string {
    return cookie(SESSION_COOKIE, value, this.settings.config.secureCookies, maxAgeSeconds);
  }

  current(request: WebRequest): string | undefined {
    return cookies(request).get(SESSION_COOKIE);
  }
}
