import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { testKafkaBrokers } from './test-kafka';

const cli = path.resolve(__dirname, '../../../devstack/src/cli.ts');

describe('devstack', () => {
  it('reports the PostgreSQL and Kafka the tests run against, and who provides them', () => {
    const status = execFileSync(process.execPath, [cli, 'status'], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(status).toMatch(/^postgres\s+postgres:\/\/\S+\s+\[(env|existing|embedded|local|container)/m);
    expect(status).toContain(`kafka     ${testKafkaBrokers().join(',')}`);
  });

  it('reuses the running stack on a second `up` instead of starting another broker', () => {
    const up = () =>
      JSON.parse(
        execFileSync(process.execPath, [cli, 'up', '--json', '--database', 'interscambio_test'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          env: { ...process.env, NODE_OPTIONS: '' },
        }),
      );
    const first = up();
    const second = up();
    expect(second.kafka.url).toBe(first.kafka.url);
    expect(second.kafka.pid).toBe(first.kafka.pid);
    expect(second.databaseUrl).toBe(first.databaseUrl);
  });
});
