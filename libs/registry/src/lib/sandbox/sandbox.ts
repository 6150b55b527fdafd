import type { Scope } from '@interscambio/access';
import { ApiClient } from '../clients/api-client.entity';
import { assignSecret } from '../clients/client-secret';
import { Ente } from '../enti/ente.entity';
import { REGISTRY_BASE_PATH } from '../registry.settings';
import type { RegistryDatabase } from '../storage/registry.database';
import type { AgreementsService } from '../agreements/agreements.service';
import { ensureDemoAgreements } from './demo-agreements';
import { readSandboxFile, writeSandboxFile } from './sandbox.file';
import type { SandboxClientEntry, SandboxFile } from './sandbox.file';

interface SandboxClientSpec {
  clientId: string;
  ente: string;
  name: string;
  scopes: Scope[];
}

export interface SandboxOutcome {
  clients: number;
  created: string[];
  rotated: string[];
  written: boolean;
  agreements: string[];
}

const ENTE_SCOPES: Scope[] = ['records:read', 'records:write', 'subscriptions'];

/**
 * `node main.js sandbox <file>`: a client_secret client for every ente plus an operator and an
 * admin, and three active demo agreements. Idempotent and quick the second time: a secret is kept
 * when the file's secretSetAt equals the stored one (no hash to re-derive), and only missing or
 * changed clients get a new secret.
 */
export async function runSandbox(
  db: RegistryDatabase,
  agreements: AgreementsService,
  file: string,
): Promise<SandboxOutcome> {
  const previous = readSandboxFile(file);
  const em = db.em;
  const enti = await em.find(Ente, {}, { orderBy: { codiceIstat: 'asc' } });
  const specs = sandboxClients(enti);
  const rows = new Map((await em.find(ApiClient, { id: { $in: specs.map((s) => s.clientId) } })).map((c) => [c.id, c]));
  const now = new Date();
  const created: string[] = [];
  const rotated: string[] = [];
  const entries = await Promise.all(
    specs.map(async (spec): Promise<SandboxClientEntry> => {
      const existing = rows.get(spec.clientId);
      const row =
        existing ?? em.create(ApiClient, { id: spec.clientId, ...fields(spec), createdAt: now, updatedAt: now });
      if (existing) reconcile(existing, spec, now);
      const kept = previous.clients.get(spec.clientId);
      if (existing && kept && existing.secretSetAt?.toISOString() === kept.secretSetAt)
        return entry(spec, kept.clientSecret, kept.secretSetAt);
      const secret = await assignSecret(row, now);
      (existing ? rotated : created).push(spec.clientId);
      return entry(spec, secret, now.toISOString());
    }),
  );
  await em.flush();
  const content: SandboxFile = { tokenUrl: `${REGISTRY_BASE_PATH}/oauth/token`, clients: entries };
  const text = `${JSON.stringify(content, null, 2)}\n`;
  const written = text !== previous.text;
  if (written) writeSandboxFile(file, text);
  return { clients: entries.length, created, rotated, written, agreements: await ensureDemoAgreements(agreements, em) };
}

function sandboxClients(enti: readonly Ente[]): SandboxClientSpec[] {
  return [
    ...enti.map((e) => ({
      clientId: `sandbox-${e.codiceIstat}`,
      ente: e.codiceIstat,
      name: `Sandbox — ${e.nome}`,
      scopes: ENTE_SCOPES,
    })),
    { clientId: 'sandbox-operator', ente: '082000', name: 'Sandbox — operator', scopes: ['operator', 'records:read'] },
    { clientId: 'sandbox-admin', ente: '082000', name: 'Sandbox — admin', scopes: ['admin'] },
  ];
}

function fields(spec: SandboxClientSpec): Pick<ApiClient, 'ente' | 'name' | 'scopes' | 'authentication' | 'revokedAt'> {
  return {
    ente: spec.ente,
    name: spec.name,
    scopes: [...spec.scopes],
    authentication: 'client_secret',
    revokedAt: null,
  };
}

/** A sandbox client somebody changed (revoked, rescoped) is put back as the sandbox promises it. */
function reconcile(row: ApiClient, spec: SandboxClientSpec, now: Date): void {
  const wanted = fields(spec);
  const same =
    row.ente === wanted.ente &&
    row.name === wanted.name &&
    row.authentication === wanted.authentication &&
    row.revokedAt === null &&
    row.scopes.join(' ') === wanted.scopes.join(' ');
  if (same) return;
  Object.assign(row, wanted, { updatedAt: now });
}

function entry(spec: SandboxClientSpec, clientSecret: string, secretSetAt: string): SandboxClientEntry {
  return { ente: spec.ente, clientId: spec.clientId, clientSecret, scopes: [...spec.scopes], secretSetAt };
}
