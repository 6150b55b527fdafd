import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The typed client (@interscambio/client) is only as good as its generated types: a route or schema
// changed without `npm run generate:client` must fail here, not in an integrator's build.
describe('generate-client --check', () => {
  it('finds libs/client/src/generated identical to what the services’ OpenAPI documents give', () => {
    const root = path.resolve(__dirname, '../../..');
    const run = spawnSync(process.execPath, [path.join(root, 'tools/scripts/generate-client.ts'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect({ status: run.status, stderr: run.stderr.split('\n').filter((l) => l.includes('out of date')) }).toEqual({
      status: 0,
      stderr: [],
    });
  }, 180_000);
});
