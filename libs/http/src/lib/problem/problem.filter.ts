import { Catch, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { HttpReply, HttpRequest } from '../http.types';
import { sendProblem } from './send-problem';

/** The one place where every HTTP failure becomes RFC 9457 problem+json with the correlation id. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<HttpRequest>();
    const problem = sendProblem(request, host.switchToHttp().getResponse<HttpReply>(), error);
    if (problem.code === 'internal-error')
      this.logger.error(
        // The route, not the URL: keys and query values may be personal data (a codice fiscale).
        `${request.method} ${request.routeOptions?.url ?? '(no route)'} [${problem.correlationId}]`,
        error instanceof Error ? error.stack : String(error),
      );
  }
}
