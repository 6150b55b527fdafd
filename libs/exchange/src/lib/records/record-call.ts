import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { verifiedCaller } from '@interscambio/access';
import type { Caller, CallerRequest } from '@interscambio/access';
import type { HttpRequest } from '@interscambio/http';

/** One record, as the path of its routes addresses it: `records/:type/:ente/:key`. */
export interface RecordAddress {
  type: string;
  ente: string;
  key: string;
}

/** What a route of the records of one type (`records/:type/…`) addresses. */
type TypeAddress = Pick<RecordAddress, 'type'>;

/** A call of a records route: what its path addresses, the request, and the caller the AccessGuard verified. */
export interface RecordCall<At = RecordAddress> {
  at: At;
  request: HttpRequest;
  caller: Caller;
}

/** A call of the routes of one record type's collection: its records, batches and uploads. */
export type TypeCall = RecordCall<TypeAddress>;

/** The call of a records route: its path's `:type`, and `:ente/:key` on the routes of one record. */
export const Call = createParamDecorator(
  (_: unknown, context: ExecutionContext): RecordCall<TypeAddress | RecordAddress> => {
    const request = context.switchToHttp().getRequest<CallerRequest & { params: TypeAddress | RecordAddress }>();
    const { params } = request;
    const at = 'key' in params ? { type: params.type, ente: params.ente, key: params.key } : { type: params.type };
    return { at, request, caller: verifiedCaller(request) };
  },
);
