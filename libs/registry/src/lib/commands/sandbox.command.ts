import path from 'node:path';
import { optional } from '@interscambio/config';
import type { Env } from '@interscambio/config';
import { SchemaCatalog } from '@interscambio/schemas';
import { AgreementsService } from '../agreements/agreements.service';
import { DEFAULT_TOKEN_ISSUER } from '@interscambio/access';
import { DEFAULT_RATE_LIMIT_PER_MINUTE, MAX_TOKEN_TTL_SECONDS } from '../config/registry.config';
import { RegistrySettings } from '../registry.settings';
import { runSandbox } from '../sandbox/sandbox';
import { readSandboxFile } from '../sandbox/sandbox.file';
import { withCommandDatabase } from './command-database';
import { UsageError } from '@interscambio/observability';

const USAGE = 'node main.js sandbox <file>';
const PALERMO = 'sandbox-082053';

export async function sandboxCommand(args: string[], env: Env, out: NodeJS.WritableStream): Promise<void> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError('the sandbox command takes the file to write', USAGE);
  // Only the topic name is needed here: agreement events wait in the outbox for the service's relay.
  const topicPrefix =
    optional(env, 'KAFKA_TOPIC_PREFIX', /^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, `_` or `-`') ?? 'interscambio';
  const settings = new RegistrySettings({
    tokenIssuer: DEFAULT_TOKEN_ISSUER,
    tokenTtlSeconds: MAX_TOKEN_TTL_SECONDS,
    rateLimitPerMinute: DEFAULT_RATE_LIMIT_PER_MINUTE,
    topicPrefix,
  });
  const outcome = await withCommandDatabase(env, (db) =>
    runSandbox(db, new AgreementsService(db, SchemaCatalog.load(), settings), path.resolve(file)),
  );
  const changed = outcome.created.length + outcome.rotated.length;
  out.write(
    `sandbox: ${outcome.clients} clients (${outcome.created.length} created, ${outcome.rotated.length} with a new secret, ${outcome.clients - changed} unchanged); ` +
      `${outcome.written ? 'wrote' : 'kept'} ${file}; demo agreements ${outcome.agreements.join(', ')} active\n`,
  );
  const absolute = path.resolve(file);
  if (!readSandboxFile(absolute).clients.has(PALERMO)) return;
  const base = `http://localhost:${env['GATEWAY_PORT'] ?? '8080'}`;
  // The secret stays in the file (mode 0600), never in a terminal's scrollback or a log.
  const secret = `$(node -p "require('${absolute}').clients.find((c) => c.clientId === '${PALERMO}').clientSecret")`;
  out.write(
    `TOKEN=$(curl -s -u "${PALERMO}:${secret}" -d grant_type=client_credentials -d audience=tributi ${base}/registry/v1/oauth/token | node -p 'JSON.parse(require("fs").readFileSync(0)).access_token')\n` +
      `curl -s -H "Authorization: Bearer $TOKEN" '${base}/tributi/v1/records/posizione-debitoria?ente=082053'\n`,
  );
}
