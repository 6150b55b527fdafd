import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { RecordAddress } from './record.service';

/** The `:type/:ente/:key` of the path. */
export const RecordAt = createParamDecorator((_: unknown, context: ExecutionContext): RecordAddress => {
  const { type, ente, key } = context.switchToHttp().getRequest<{ params: RecordAddress }>().params;
  return { type, ente, key };
});
