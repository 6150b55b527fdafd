import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { MalformedJsonError, ProblemError } from '../problem/problem.error';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
export const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

/** An `application/x-www-form-urlencoded` body (the OAuth token endpoint's), every value of every name kept. */
export class FormBody {
  private constructor(private readonly values: ReadonlyMap<string, readonly string[]>) {}

  static parse(text: string): FormBody {
    const values = new Map<string, string[]>();
    for (const [name, value] of new URLSearchParams(text)) values.set(name, [...(values.get(name) ?? []), value]);
    return new FormBody(values);
  }

  /** RFC 6749 §3.1: a parameter sent without a value is treated as omitted. */
  get(name: string): string | undefined {
    const value = this.values.get(name)?.[0];
    return value === '' ? undefined : value;
  }

  /** RFC 6749 §3.2: no parameter may be sent more than once. */
  repeated(): string[] {
    return [...this.values].filter(([, values]) => values.length > 1).map(([name]) => name);
  }
}

/** A body of a media type no parser of this service reads; the route says which one it wanted. */
export class UnsupportedBody {
  constructor(readonly mediaType: string) {}
}

/**
 * PATCH bodies are JSON merge patches (RFC 7396: a member replaces, null clears), the media type the
 * Italian API guidelines want for them; application/json is still read too.
 */
export function registerMergePatchParser(adapter: FastifyAdapter): FastifyAdapter {
  const fastify = adapter.getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(MERGE_PATCH_MEDIA_TYPE, { parseAs: 'string' }, (request, body, done) =>
    parseJson(request, body.toString(), (error, value) =>
      error ? done(new MalformedJsonError(), undefined) : done(null, value),
    ),
  );
  return adapter;
}

/** JSON (the adapter's), merge patches, forms, and anything else kept aside so that each route can name what it expected. */
export function registerBodyParsers(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  fastify.addContentTypeParser(FORM_MEDIA_TYPE, { parseAs: 'string' }, (_request, body, done) =>
    done(null, FormBody.parse(body.toString())),
  );
  registerMergePatchParser(adapter);
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, _body, done) =>
    done(
      null,
      new UnsupportedBody(
        String(request.headers['content-type'] ?? 'none')
          .split(';')[0]
          ?.trim() ?? '',
      ),
    ),
  );
}

export class UnsupportedMediaTypeError extends ProblemError {
  constructor(expected: string, body: unknown) {
    super(
      'unsupported-media-type',
      415,
      { it: 'Tipo di contenuto non supportato', en: 'Unsupported media type' },
      {
        it: `Questo endpoint accetta ${expected}; il corpo della richiesta è ${mediaTypeOf(body)}.`,
        en: `This endpoint takes ${expected}; the request's body is ${mediaTypeOf(body)}.`,
      },
      undefined,
      { accept: expected },
    );
  }
}

export function mediaTypeOf(body: unknown): string {
  if (body === undefined) return 'missing';
  if (body instanceof FormBody) return FORM_MEDIA_TYPE;
  if (body instanceof UnsupportedBody) return body.mediaType || 'of no declared type';
  return 'application/json';
}
