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
export function verifiedCaller(request: CallerRequest): Caller {
  if (!request.caller)
    throw new Error('A caller was asked for on a route the AccessGuard did not authenticate (is it @Public()?)');
  return request.caller;
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller =>
  verifiedCaller(context.switchToHttp().getRequest<CallerRequest>()),
);
