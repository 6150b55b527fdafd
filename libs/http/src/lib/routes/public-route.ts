import { SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';

export const PUBLIC_ROUTE = 'interscambio:public';

type Handler = (...args: never[]) => unknown;

/**
 * Answers without a token: status, catalog, OpenAPI, JWKS, the token endpoint itself. Marked twice:
 * for Nest (the scope guard) and in the Fastify route's config, which the access gate reads before
 * the body is parsed — on a class, on each of its handlers.
 */
export function Public(): ClassDecorator & MethodDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) return mark(target, key as string | symbol, descriptor);
    SetMetadata(PUBLIC_ROUTE, true)(target as Handler);
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      if (name !== 'constructor' && typeof method?.value === 'function') mark(prototype, name, method);
    }
  };
}

function mark(target: object, key: string | symbol, descriptor: PropertyDescriptor): void {
  SetMetadata(PUBLIC_ROUTE, true)(target, key, descriptor);
  RouteConfig({ [PUBLIC_ROUTE]: true })(target, key, descriptor);
}
