import { SetMetadata } from '@nestjs/common';
import type { Scope } from './scopes';

export const REQUIRED_SCOPES = 'interscambio:scopes';

/** The token must carry at least one of these scopes. */
export const Scopes = (...anyOf: Scope[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_SCOPES, anyOf);
