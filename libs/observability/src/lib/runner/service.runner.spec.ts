import { ConfigError } from '@interscambio/config';
import { OutputCapture } from '@interscambio/testing';
import { runService, serviceMain } from './service.runner';

type Line = { level: string; service: string; msg: string };
const lines = (text: string): Line[] =>
  text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Line);

describe('a service main.js', () => {
  let exit: jest.SpyInstance;
  beforeEach(() => {
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
  });
  afterEach(() => exit.mockRestore());

  const run = async (argv: string[], migrate = async (args: string[]) => `migrated ${args.join(' ')}`) => {
    const served: string[] = [];
    const capture = OutputCapture.start();
    try {
      await runService(
        'prova',
        { serve: async () => served.push('served'), commands: { migrate } },
        argv,
        process.stdout,
      );
    } finally {
      capture.stop();
    }
    return { served, logged: lines(capture.text) };
  };

  it('serves with no command, or with serve', async () => {
    expect((await run([])).served).toEqual(['served']);
    expect((await run(['serve'])).served).toEqual(['served']);
    expect(exit).not.toHaveBeenCalled();
  });

  it('runs a command with its arguments and logs what it says as a JSON line', async () => {
    const { served, logged } = await run(['migrate', 'a', 'b']);
    expect(served).toEqual([]);
    expect(logged).toContainEqual(expect.objectContaining({ service: 'prova', msg: 'migrated a b' }));
  });

  it('refuses an unknown command with the usage, exiting with status 1', async () => {
    const { served, logged } = await run(['migrat']);
    expect(served).toEqual([]);
    expect(logged).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'unknown command "migrat"\nusage: node main.js [serve | migrate]',
      }),
    );
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('logs a bad configuration by its message alone, exiting with status 1', async () => {
    const { logged } = await run(['migrate'], () => Promise.reject(new ConfigError('DATABASE_URL', 'is missing')));
    expect(logged).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'Configuration error: DATABASE_URL is missing' }),
    );
    expect(exit).toHaveBeenCalledWith(1);
  });

  it('builds its commands from the environment it is run with', async () => {
    const seen: unknown[] = [];
    const main = serviceMain('prova', (env) => ({ serve: async () => seen.push(env['PROVA']), commands: {} }));
    await main([], { PROVA: 'sì' });
    expect(seen).toEqual(['sì']);
  });
});
