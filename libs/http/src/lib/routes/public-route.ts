import { SetMetadata } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION, UNLIMITED_EXTENSION } from '../docs/route-extensions';

export const PUBLIC_ROUTE = 'interscambio:public';
/** Route config: not counted by the rate limiter (probes call it every few seconds, from one address). */
export const UNLIMITED_ROUTE = 'interscambio:unlimited';

type Handler = (...args: never[]) => unknown;

/**
 * Answers without a token: status, catalog, OpenAPI, JWKS, the token endpoint itself. Marked twice:
 * for Nest (the scope guard) and in the Fastify route's config, which the access gate reads before
 * the body is parsed — on a class, on each of its handlers.
 */
export function Public(): ClassDecorator & MethodDecorator {
  return marking({ [PUBLIC_ROUTE]: true });
}

/** Public and outside the rate limits: the status and health routes that probes poll. */
export function Probe(): ClassDecorator & MethodDecorator {
  return marking({ [PUBLIC_ROUTE]: true, [UNLIMITED_ROUTE]: true });
}

function marking(config: Record<string, true>): ClassDecorator & MethodDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) return mark(target, key as string | symbol, descriptor, config);
    SetMetadata(PUBLIC_ROUTE, true)(target as Handler);
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name);
      if (name !== 'constructor' && typeof method?.value === 'function') mark(prototype, name, method, config);
    }
  };
}

function mark(
  target: object,
  key: string | symbol,
  descriptor: PropertyDescriptor,
  config: Record<string, true>,
): void {
  SetMetadata(PUBLIC_ROUTE, true)(target, key, descriptor);
  RouteConfig(config)(target, key, descriptor);
  // The same marks for the OpenAPI document: `security: []`, and no rate limit on probes.
  ApiExtension(PUBLIC_EXTENSION, true)(target, key, descriptor);
  if (config[UNLIMITED_ROUTE]) ApiExtension(UNLIMITED_EXTENSION, true)(target, key, descriptor);
}
