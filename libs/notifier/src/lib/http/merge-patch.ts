import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { MalformedJsonError } from '@interscambio/http';

export const MERGE_PATCH_MEDIA_TYPE = 'application/merge-patch+json';

/**
 * PATCH bodies are JSON merge patches (RFC 7396: a member replaces, null clears), the media type the
 * Italian API guidelines want for them, as in the registry; application/json is still read too.
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
