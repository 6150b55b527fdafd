import { ConsoleLogger } from '@nestjs/common';
import type { LogLevel } from '@nestjs/common';
import { forSuite, OutputCapture, secretsIn } from '@interscambio/testing';
import { startProvaTestApp } from '../../../test/prova-test-app';
import type { ThemeTestApp } from '../../../test/theme-test-app';
import { PROVA_BASE } from '../../../test/prova-theme';

// What the service writes while it handles bearer tokens and personale records: Nest's own
// ConsoleLogger at every level (production logs less), and anything else on stdout, stderr or the
// console. Neither there nor in a problem+json body may a token, an Authorization header or the
// content of a personale record appear.

const A = '082053';
const B = '082006';
const ALL_LEVELS: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
const CODICE_FISCALE = 'RSSMRA80A41G273Y';
const NOME = 'Rossi Maria';
const KEY_CF = 'BNCGNN75C12G273K';
const PERSONALE = { anno: 1980, nota: `${CODICE_FISCALE} ${NOME}` };

type Response = Awaited<ReturnType<ThemeTestApp['app']['inject']>>;

/** An Authorization header, and the token in it, that must not be written anywhere. */
function authorizationSecrets(name: string, authorization: string): Record<string, string> {
  return { [`${name}: header`]: authorization, [`${name}: credentials`]: authorization.replace(/^\S+ +/, '') };
}

const PERSONALE_SECRETS = { 'codice fiscale': CODICE_FISCALE, nome: NOME };

const problemsOf = (answers: Response[]): string[] =>
  answers
    .filter((res) => res.headers['content-type']?.toString().includes('problem+json'))
    .map((res) => `${JSON.stringify(res.headers)}\n${res.body}`);

describe('logs without secrets: what the theme service writes while it handles tokens and personale data', () => {
  // With `log`: the JSON request lines are written, and scanned like everything else.
  const t = forSuite(() => startProvaTestApp('access_logs', { logLevels: ['error', 'warn', 'log'] }));

  beforeAll(() => {
    t.app.useLogger(new ConsoleLogger({ logLevels: ALL_LEVELS, colors: false }));
  });

  /** Runs `requests` with everything the process writes captured; returns the answers and the output. */
  async function captured(requests: () => Promise<Response[]>): Promise<{ answers: Response[]; output: string }> {
    const capture = OutputCapture.start();
    try {
      const answers = await requests();
      return { answers, output: capture.text };
    } finally {
      capture.stop();
    }
  }

  it('logs an internal error of a personale write with its correlation id, and nothing of the token or the document', async () => {
    // A constraint of the test's own schema that the write path does not know: the write fails in
    // PostgreSQL, the way an unforeseen failure reaches the one place that logs request failures.
    // The key is a person's codice fiscale, as a comune may well choose: the log names the route.
    await t.sql.query(`alter table record add constraint guasto_di_prova check (key <> '${KEY_CF}')`);
    const authorization = t.as(A).authorization;
    const { answers, output } = await captured(async () => [
      await t.app.inject({
        method: 'PUT',
        url: `${PROVA_BASE}/records/fascicolo/${A}/${KEY_CF}?nota=${KEY_CF}`,
        headers: { authorization },
        payload: PERSONALE,
      }),
    ]);
    await t.sql.query('alter table record drop constraint guasto_di_prova');
    const [failed] = answers as [Response];
    expect({ status: failed.statusCode, code: failed.json<{ code: string }>().code }).toEqual({
      status: 500,
      code: 'internal-error',
    });
    expect(output).toContain(String(failed.headers['x-correlation-id']));
    const secrets = { ...authorizationSecrets('writer', authorization), ...PERSONALE_SECRETS };
    expect(secretsIn(output, { ...secrets, key: KEY_CF })).toEqual([]);
    // The problem's `instance` gives the caller back its own path, key included.
    expect(secretsIn(failed.body, secrets)).toEqual([]);
    expect(output).toContain(`PUT ${PROVA_BASE}/records/:type/:ente/:key`);
  });

  it('writes no token or Authorization header while accepting and refusing tokens, nor echoes one in a problem', async () => {
    const valid = { ente: A, scopes: ['records:read', 'records:write'], audience: 'prova' };
    const authorizations: Record<string, string> = {
      'A writes': t.as(A).authorization,
      'B writes': t.as(B).authorization,
      'A reads only': t.as(A, ['records:read']).authorization,
      'alg none': `Bearer ${t.issuer.token(valid, { alg: 'none' })}`,
      'foreign key': `Bearer ${t.issuer.token(valid, { signer: 'foreign' })}`,
      expired: `Bearer ${t.issuer.token({ ...valid, expiresInSeconds: -60 })}`,
      'for tributi': `Bearer ${t.issuer.token({ ...valid, audience: 'tributi' })}`,
      'typ JWT': `Bearer ${t.issuer.token(valid, { typ: 'JWT' })}`,
      'not a JWT': 'Bearer eyJub3QiOiJhIHRva2VuIn0.c2VncmV0b1NlZ3JldGlzc2ltbw.ZmlybWFGYWxzYUZhbHNpc3NpbWE',
      'HTTP Basic': 'Basic c2FuZGJveC0wODIwNTM6c2VncmV0b1NlZ3JldGlzc2ltbw==',
      'no scheme': 'c2VncmV0b1NlbnphU2NoZW1hRGlBdXRvcml6emF6aW9uZQ',
    };
    const { answers, output } = await captured(async () => {
      const all: Response[] = [];
      for (const authorization of Object.values(authorizations)) {
        for (const [method, url] of [
          ['PUT', `${PROVA_BASE}/records/avviso/${A}/con-token`],
          ['GET', `${PROVA_BASE}/records/pratica/${A}/con-token`],
          ['GET', `${PROVA_BASE}/feed`],
          ['GET', `${PROVA_BASE}/audit/verify`],
        ] as const)
          all.push(
            await t.app.inject({
              method,
              url,
              headers: { authorization },
              payload: method === 'PUT' ? { anno: 2024 } : undefined,
            }),
          );
      }
      return all;
    });
    expect(new Set(answers.map((res) => res.statusCode))).toEqual(new Set([200, 201, 401, 403, 404]));
    const secrets = Object.assign(
      {},
      ...Object.entries(authorizations).map(([name, value]) => authorizationSecrets(name, value)),
    ) as Record<string, string>;
    expect(secretsIn(output, secrets)).toEqual([]);
    expect(secretsIn(problemsOf(answers).join('\n'), secrets)).toEqual([]);
    // The request lines were written, one per request, and scanned above.
    expect(output.match(/"msg":"request"/g)).toHaveLength(answers.length);
  });

  it('writes no personale data while storing, reading, listing, following and refusing personale records', async () => {
    const url = `${PROVA_BASE}/records/fascicolo/${A}/personale`;
    const { answers, output } = await captured(async () => [
      await t.call(A, { method: 'PUT', url, payload: PERSONALE }),
      await t.call(A, { method: 'PUT', url, payload: { ...PERSONALE, anno: 1981 } }),
      await t.call(A, { method: 'GET', url }),
      await t.call(A, { method: 'GET', url, headers: { 'if-none-match': '"2"' } }),
      await t.call(A, { method: 'GET', url: `${PROVA_BASE}/records/fascicolo?ente=${A}` }),
      await t.call(A, { method: 'GET', url: `${PROVA_BASE}/feed?types=fascicolo` }),
      await t.call(A, { method: 'GET', url: `${PROVA_BASE}/audit?record=fascicolo/${A}/personale` }),
      await t.call(A, {
        method: 'POST',
        url: `${PROVA_BASE}/records/fascicolo/batch`,
        payload: {
          items: [
            { ente: A, key: 'nel-lotto', data: PERSONALE },
            { ente: A, key: 'invalido', data: { anno: CODICE_FISCALE, nota: NOME } },
            { ente: B, key: 'altrui', data: PERSONALE },
          ],
        },
      }),
      await t.call(A, {
        method: 'PUT',
        url: `${PROVA_BASE}/records/fascicolo/${A}/invalido`,
        payload: { ...PERSONALE, cf: CODICE_FISCALE },
      }),
      await t.call(A, {
        method: 'PUT',
        url: `${PROVA_BASE}/records/fascicolo/${A}/illeggibile`,
        headers: { 'content-type': 'application/json' },
        payload: `{"anno":1980,"nota":"${CODICE_FISCALE} ${NOME}"`,
      }),
      await t.call(B, { method: 'GET', url }),
      await t.call(B, { method: 'PUT', url, payload: PERSONALE }),
      await t.call(A, { method: 'DELETE', url }),
    ]);
    expect(answers.map((res) => res.statusCode)).toEqual([
      201, 200, 200, 304, 200, 200, 200, 200, 422, 400, 404, 403, 204,
    ]);
    expect(secretsIn(output, PERSONALE_SECRETS)).toEqual([]);
    expect(secretsIn(problemsOf(answers).join('\n'), PERSONALE_SECRETS)).toEqual([]);
  });
});
