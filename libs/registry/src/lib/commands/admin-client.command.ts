import { isIstatCode } from '@interscambio/enti';
import type { Env } from '@interscambio/config';
import { ClientsService } from '../clients/clients.service';
import { RevocationOutbox } from '../messaging/revocation.outbox';
import { withCommandDatabase } from './command-database';
import { commandOptions } from './command-options';
import { UsageError } from '@interscambio/observability';

const USAGE = 'node main.js admin-client --ente <ISTAT code> --name <name>';

/** Bootstrap of a fresh installation: an admin client, its secret printed once. */
export async function adminClientCommand(args: string[], env: Env, out: NodeJS.WritableStream): Promise<void> {
  const { ente, name } = commandOptions(args, ['ente', 'name'], USAGE);
  if (!isIstatCode(ente)) throw new UsageError('--ente must be an ISTAT code of six digits', USAGE);
  if (!name) throw new UsageError('--name is required', USAGE);
  const issued = await withCommandDatabase(env, (db) =>
    // Creating a client revokes nothing: the prefix of the revocations topic does not matter here.
    new ClientsService(db, new RevocationOutbox(db, { topicPrefix: 'interscambio' })).create({
      ente,
      name,
      scopes: ['admin'],
      authentication: 'client_secret',
    }),
  );
  out.write(
    `admin client for ente ${ente}\n` +
      `client_id:     ${issued.client.clientId}\n` +
      `client_secret: ${issued.clientSecret ?? ''}\n` +
      'The secret is shown only now: store it. A lost secret is replaced with POST /registry/v1/clients/<id>/secret.\n',
  );
}
