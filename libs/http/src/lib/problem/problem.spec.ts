import { HttpException, NotFoundException } from '@nestjs/common';
import { MalformedJsonError, ProblemError, ValidationError } from './problem.error';
import { toProblem } from './problem';

function fastifyError(code: string, statusCode: number): Error {
  return Object.assign(new Error('from fastify'), { name: 'FastifyError', code, statusCode });
}

describe('problem mapping', () => {
  it('keeps the code, status and issues of an exchange error', () => {
    const problem = toProblem(new ValidationError([{ pointer: '/anno', keyword: 'type', message: 'must be integer' }]));
    expect(problem).toMatchObject({
      status: 422,
      code: 'validation-failed',
      type: 'urn:interscambio:problem:validation-failed',
      errors: [{ pointer: '/anno' }],
    });
  });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 413, 'body-too-large'],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 415, 'unsupported-media-type'],
  ])('maps Fastify %s, raw or as Nest rethrows it, to %i %s', (code, status, ours) => {
    expect(toProblem(fastifyError(code, status))).toMatchObject({ status, code: ours });
    expect(toProblem(new HttpException('from fastify', status))).toMatchObject({ status, code: ours });
  });

  it('adds extension members without letting them replace the standard ones', () => {
    const error = new ProblemError(
      'invalid-scope',
      400,
      'Bad request',
      'No such scope.',
      undefined,
      {},
      {
        error: 'invalid_scope',
        status: 200,
      },
    );
    expect(toProblem(error)).toMatchObject({ status: 400, code: 'invalid-scope', error: 'invalid_scope' });
  });

  it('maps malformed JSON to 400 malformed-json', () => {
    expect(toProblem(new MalformedJsonError())).toMatchObject({ status: 400, code: 'malformed-json' });
  });

  it('maps an unknown route to a 404 problem', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('answers anything unexpected with a bare 500 that reveals nothing', () => {
    const problem = toProblem(new Error('password=secret at db.ts:12'));
    expect(problem).toMatchObject({ status: 500, code: 'internal-error' });
    expect(JSON.stringify(problem)).not.toContain('secret');
  });
});
