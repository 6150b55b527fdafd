import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE } from '@interscambio/http';
import { REQUIRED_SCOPES } from './access.decorators';
import { InsufficientScopeError } from './access.errors';
import type { CallerRequest } from './caller';

/**
 * The route's @Scopes(), once the AccessGate has authenticated the caller (before the body was
 * read). A protected route reached without a caller means the gate is not installed: refuse.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
    if (!caller) throw new Error('A protected route was reached without the AccessGate: call initGatedApp(app)');
    const needed = this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, targets);
    if (needed && !needed.some((s) => caller.scopes.has(s))) throw new InsufficientScopeError(needed, caller.scopes);
    return true;
  }
}
