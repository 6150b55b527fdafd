import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** Lints one line of source as if it stood at `file`, with the workspace's real boundary rules. */
function boundaryErrors(file: string, source: string): string[] {
  const eslint = path.join(root, 'node_modules/eslint/bin/eslint.js');
  const config = path.join(root, 'tools/boundaries/boundaries.eslint.mjs');
  const run = spawnSync(
    process.execPath,
    [eslint, '--no-config-lookup', '-c', config, '--stdin', '--stdin-filename', file, '--format', 'json'],
    { cwd: root, input: source, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', NX_DAEMON: 'false' } },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('module boundaries (the same rules `npm run lint` enforces)', () => {
  it('rejects a shared utility library importing a platform data-access library', () => {
    const errors = boundaryErrors(
      'libs/devstack/src/probe.ts',
      "import { x } from '@interscambio/persistence';\nexport { x };\n",
    );
    expect(errors.join('\n')).toMatch(/enforce-module-boundaries.*(scope:shared|type:util)/);
  });

  it('rejects reaching into another project by a relative path', () => {
    const errors = boundaryErrors('libs/persistence/src/probe.ts', "import '../../messaging/src/lib/message-bus';\n");
    expect(errors.join('\n')).toMatch(/enforce-module-boundaries.*relative or absolute path/);
  });

  it('accepts a platform data-access library importing another one through its public entry point', () => {
    const errors = boundaryErrors(
      'libs/messaging/src/probe.ts',
      "import { x } from '@interscambio/persistence';\nexport { x };\n",
    );
    expect(errors).toEqual([]);
  });
});
