import { requestToken, TokenRequestError } from '@interscambio/client';
import { metricValue } from '@interscambio/observability';
import { forSuite } from '@interscambio/testing';
import { startRegistryTestApp } from '../../../test';
import type { TestClient } from '../../../test';

// What an operator sees of the token endpoint on /metrics: tokens issued, refusals by their code,
// the endpoint's requests by route; and /metrics itself, public and outside the rate limit.

describe('the registry on /metrics', () => {
  const t = forSuite(() => startRegistryTestApp('reg_metrics'));
  let palermo: TestClient;

  beforeAll(async () => {
    palermo = await t.createClient({ ente: '082053', scopes: ['records:read'] });
  });

  const scrape = async (): Promise<string> => {
    const res = await fetch(`${t.url}/metrics`);
    expect(res.status).toBe(200);
    // Probes and scrapers poll from one address: they are not counted by the rate limiter.
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    return res.text();
  };

  it('counts tokens issued and refused by code, and the token requests by route and status', async () => {
    const before = await scrape();
    // Through the typed client's token request, as an integrator's code asks for a token.
    const ask = (clientId: string, clientSecret: string): Promise<string> =>
      requestToken({ baseUrl: new URL(t.url).origin, clientId, clientSecret, audience: 'tributi' }).then(
        () => 'issued',
        (error: unknown) => (error instanceof TokenRequestError ? `${error.status} ${error.code}` : String(error)),
      );
    expect([
      await ask(palermo.clientId, palermo.clientSecret),
      await ask(palermo.clientId, 'not-the-secret-of-palermo'),
      await ask('sconosciuto', 'not-a-secret-at-all'),
    ]).toEqual(['issued', '401 wrong-client-secret', '401 unknown-client']);
    const after = await scrape();
    const moved = (name: string, labels: Record<string, string> = {}): number =>
      (metricValue(after, name, labels) ?? 0) - (metricValue(before, name, labels) ?? 0);
    const route = '/registry/v1/oauth/token';
    expect({
      issued: moved('interscambio_tokens_issued_total'),
      wrongSecret: moved('interscambio_tokens_refused_total', { code: 'wrong-client-secret' }),
      unknownClient: moved('interscambio_tokens_refused_total', { code: 'unknown-client' }),
      ok: moved('http_request_duration_seconds_count', { route, status_code: '200' }),
      unauthorized: moved('http_request_duration_seconds_count', { route, status_code: '401' }),
    }).toEqual({ issued: 1, wrongSecret: 1, unknownClient: 1, ok: 1, unauthorized: 2 });
    expect(metricValue(after, 'interscambio_dependency_up', { dependency: 'postgres', service: 'registry' })).toBe(1);
    expect(metricValue(after, 'interscambio_outbox_pending')).toBeGreaterThanOrEqual(0);
  });
});
