import type { HttpReply, HttpRequest } from '../http.types';
import { BadRequestError } from './problem.error';
import { sendProblem } from './send-problem';

/** The reply as Fastify keeps it: headers by lower-case name, a status and a body. */
function recordingReply(headers: Record<string, string> = {}) {
  const sent = { status: 0, headers: { ...headers }, body: undefined as unknown };
  const reply: HttpReply = {
    status: (code) => ((sent.status = code), reply),
    header: (name, value) => ((sent.headers[name.toLowerCase()] = value), reply),
    headers: (values) => (Object.entries(values).forEach(([n, v]) => reply.header(n, v)), reply),
    getHeader: (name) => sent.headers[name.toLowerCase()],
    send: (payload) => ((sent.body = payload), reply),
  };
  return { reply, sent };
}

const request = (language?: string): HttpRequest => ({
  id: 'c-1',
  url: '/tributi/v1/records/x?y=1',
  method: 'GET',
  headers: language ? { 'accept-language': language } : {},
});

describe('sendProblem', () => {
  it('answers problem+json in the negotiated language, with Content-Language and the path as instance', () => {
    const { reply, sent } = recordingReply();
    sendProblem(request('it-IT'), reply, new BadRequestError('invalid-query', { it: 'Errato.', en: 'Wrong.' }));
    expect(sent.status).toBe(400);
    expect(sent.headers).toMatchObject({
      'content-type': 'application/problem+json',
      'content-language': 'it',
      vary: 'Accept-Language',
    });
    expect(sent.body).toMatchObject({ detail: 'Errato.', instance: '/tributi/v1/records/x', correlationId: 'c-1' });
  });

  it('adds Accept-Language to a Vary the route already set, once', () => {
    for (const [before, after] of [
      ['Origin', 'Origin, Accept-Language'],
      ['Origin, accept-language', 'Origin, accept-language'],
      ['*', '*'],
    ]) {
      const { reply, sent } = recordingReply({ vary: before as string });
      sendProblem(request(), reply, new BadRequestError('invalid-query', 'Wrong.'));
      expect(sent.headers['vary']).toBe(after);
    }
  });
});
