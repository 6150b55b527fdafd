import { OutputCapture } from '@interscambio/testing';
import { NestPinoLogger } from './nest-logger';
import { createServiceLogger } from './service-logger';

function written(work: () => void): Record<string, unknown>[] {
  const capture = OutputCapture.start();
  try {
    work();
  } finally {
    capture.stop();
  }
  return capture.text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the service logger: JSON lines on stdout', () => {
  it('writes one JSON line per message with the service, level and time', () => {
    const lines = written(() =>
      createServiceLogger('tributi', undefined, process.stdout).info({ correlationId: 'c-1' }, 'request'),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        service: 'tributi',
        level: 'info',
        msg: 'request',
        correlationId: 'c-1',
        time: expect.any(String),
      }),
    ]);
  });

  it('writes request lines only when the levels include `log`', () => {
    const quiet = createServiceLogger('tributi', ['error', 'warn'], process.stdout);
    expect(written(() => quiet.info('request'))).toEqual([]);
    expect(written(() => quiet.warn('slow'))).toHaveLength(1);
  });

  it('replaces secrets a line should never have carried', () => {
    const [line] = written(() =>
      createServiceLogger('registry', undefined, process.stdout).info(
        { headers: { authorization: 'Bearer eyJhbGciOi.secret' }, client_secret: 'segretissimo-davvero' },
        'oops',
      ),
    );
    expect(JSON.stringify(line)).not.toMatch(/eyJhbGciOi|segretissimo/);
  });

  it("keeps Nest's start-up chatter out of the log and its own lines in it, with their context", () => {
    const nest = new NestPinoLogger(createServiceLogger('tributi', undefined, process.stdout));
    const lines = written(() => {
      nest.log('Mapped {/tributi/v1/status, GET} route', 'RouterExplorer');
      nest.log('ExchangeModule dependencies initialized', 'InstanceLoader');
      nest.log('listening on http://127.0.0.1:3101/tributi/v1', 'tributi');
      nest.error('failed', 'Error: failed\n    at x', 'Problem');
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'tributi',
        msg: 'listening on http://127.0.0.1:3101/tributi/v1',
      }),
      expect.objectContaining({ level: 'error', context: 'Problem', msg: 'failed', stack: 'Error: failed\n    at x' }),
    ]);
  });
});
