import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { HttpRequest } from '@interscambio/http';

/** Who is calling, from the verified access token. */
export interface Caller {
  clientId: string;
  /** The ente the client acts for: the only one it may write as. */
  ente: string;
  scopes: ReadonlySet<string>;
}

export interface CallerRequest extends HttpRequest {
  ip?: string;
  caller?: Caller;
}

/** The verified caller of a route that is not @Public(); the AccessGuard has put it on the request. */
export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route the AccessGuard did not authenticate (is it @Public()?)');
  return caller;
});
