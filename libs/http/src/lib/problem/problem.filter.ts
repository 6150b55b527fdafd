import { Catch, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { HttpReply, HttpRequest } from '../http.types';
import { PROBLEM_MEDIA_TYPE, toProblem } from './problem';
import { ProblemError } from './problem.error';

/** The one place where every HTTP failure becomes RFC 9457 problem+json with the correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<HttpRequest>();
    const reply = host.switchToHttp().getResponse<HttpReply>();
    const problem = { ...toProblem(error), instance: request.url.split('?')[0], correlationId: String(request.id) };
    if (problem.code === 'internal-error')
      this.logger.error(
        `${request.method} ${request.url} [${problem.correlationId}]`,
        error instanceof Error ? error.stack : String(error),
      );
    if (error instanceof ProblemError) void reply.headers(error.headers);
    void reply.status(problem.status).header('content-type', PROBLEM_MEDIA_TYPE).send(problem);
  }
}
