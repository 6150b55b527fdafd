import { SetMetadata } from '@nestjs/common';
import type { Scope } from './scopes';

export const PUBLIC_ROUTE = 'interscambio:public';
export const REQUIRED_SCOPES = 'interscambio:scopes';

/** Answers without a token: status, catalog, OpenAPI, JWKS, the token endpoint itself. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The token must carry at least one of these scopes. */
export const Scopes = (...anyOf: Scope[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_SCOPES, anyOf);
