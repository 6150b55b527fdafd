import { SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { Scope } from './scopes';

export const REQUIRED_SCOPES = 'interscambio:scopes';

/**
 * The token must carry at least one of these scopes. Marked twice, like @Public(): for the scope
 * guard, and in the Fastify route's config, which the access gate checks before the body is read,
 * so a caller without the scope gets 403 whatever it sent. A handler's own @Scopes wins over its
 * class's.
 */
export function Scopes(...anyOf: Scope[]): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) return mark(target, key as string | symbol, descriptor, anyOf);
    SetMetadata(REQUIRED_SCOPES, anyOf)(target as (...args: never[]) => unknown);
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      if (name === 'constructor' || typeof method?.value !== 'function') continue;
      if (Reflect.getMetadata(REQUIRED_SCOPES, method.value) === undefined) mark(prototype, name, method, anyOf);
    }
  };
}

function mark(target: object, key: string | symbol, descriptor: PropertyDescriptor, anyOf: Scope[]): void {
  SetMetadata(REQUIRED_SCOPES, anyOf)(target, key, descriptor);
  RouteConfig({ [REQUIRED_SCOPES]: anyOf })(target, key, descriptor);
}
