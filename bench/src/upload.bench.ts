// Scenario: a 100,000-row CSV spreadsheet upload (1 % bad rows), from the file arriving to its last
// batch committed (spooled, scanned, stored, parsed again from PostgreSQL, every row checked and
// published through the RecordWriter in batches of 1,000 with the checkpoint) vs the same valid
// records written straight through RecordWriter.commit in batches of 1,000 (what the batch endpoint
// does without HTTP). One round each: a round is 100,000 rows. Peak RSS is the process's after the
// upload, before the bare side runs.
import { Readable } from 'node:stream';
import { codiceFiscaleCheck } from '@interscambio/enti';
import { RecordWriter, UploadProcessor, UploadReceiver, UploadStore } from '@interscambio/exchange';
import type { RecordCommand } from '@interscambio/exchange';
import { Kafka, logLevel } from 'kafkajs';
import { Pool } from 'pg';
import { benchEnv, progress, uniqueName } from './lib/bench-env';
import { inProcessTheme } from './lib/in-process-theme';
import { memorySnapshot, peakRssMb } from './lib/memory';
import { scenario } from './lib/report';

const ROWS = 100_000;
const ENTE = '082053';
const TYPE = 'posizione-debitoria';
const HEADER = 'Chiave;Contribuente.Codice fiscale;Contribuente.Denominazione;Tributo;Anno;Importo;Scadenza;Stato';

function cf(n: number, bad: boolean): string {
  const first15 = `RSSMRA80${'ABCDEHLMPRST'[n % 12]}${String((n % 28) + 1).padStart(2, '0')}G273`;
  const check = codiceFiscaleCheck(first15);
  return first15 + (bad ? (check === 'A' ? 'B' : 'A') : check);
}

function csv(prefix: string): Buffer {
  const lines = [HEADER];
  for (let n = 1; n <= ROWS; n++)
    lines.push(`${prefix}-${n};${cf(n, n % 100 === 0)};Contribuente ${n};TARI;2024;${1000 + n};16/12/2024;emessa`);
  return Buffer.from(lines.join('\r\n'));
}

async function main(): Promise<void> {
  const env = benchEnv();
  const schema = uniqueName('bench_upload');
  const { app } = await inProcessTheme(env, 'tributi', schema);
  const caller = { clientId: `bench-${ENTE}`, ente: ENTE, scopes: ['records:write'] };
  let peak = 0;
  let baseline = 0;
  const upload = async (): Promise<number> => {
    const file = csv(`U${Date.now().toString(36)}`);
    baseline = memorySnapshot().rssMb;
    const start = performance.now();
    const request = {
      id: 'bench',
      url: '/tributi/v1/records/posizione-debitoria/uploads',
      method: 'POST',
      headers: {},
    };
    const call = { at: { type: TYPE }, request, caller: caller as never };
    const id = await app.get(UploadReceiver).receive(call, Readable.from([file]));
    app.get(UploadProcessor).wake();
    for (;;) {
      const state = await app.get(UploadStore).find(id);
      if (state?.status === 'completato') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const rate = ROWS / ((performance.now() - start) / 1000);
    peak = peakRssMb();
    return rate;
  };
  const direct = async (): Promise<number> => {
    const prefix = `D${Date.now().toString(36)}`;
    const start = performance.now();
    for (let from = 1; from <= ROWS; from += 1000) {
      const commands: RecordCommand[] = [];
      for (let n = from; n < from + 1000; n++)
        if (n % 100 !== 0)
          commands.push({
            op: 'put',
            type: TYPE,
            ente: ENTE,
            key: `${prefix}-${n}`,
            data: {
              contribuente: { codiceFiscale: cf(n, false), denominazione: `Contribuente ${n}` },
              tributo: 'TARI',
              anno: 2024,
              importo: 1000 + n,
              scadenza: '2024-12-16',
              stato: 'emessa',
            },
          });
      await app
        .get(RecordWriter)
        .commit(commands, { correlationId: 'bench', actor: { clientId: caller.clientId, ente: ENTE } });
    }
    return ROWS / ((performance.now() - start) / 1000);
  };
  try {
    progress('upload: 100,000 CSV rows through the upload pipeline, then the same records through RecordWriter.commit');
    await scenario(
      'spreadsheet upload',
      '100,000-row CSV (1 % bad rows), batches of 1,000',
      'rows/s',
      async () => ({ ours: [await upload()], bare: [await direct()] }),
      () =>
        `ours = POST body to last batch committed (spool, scan, store in PostgreSQL, parse again, check and publish each row, checkpoint); bare = the same valid records through RecordWriter.commit in batches of 1,000; peak RSS of the process after the upload ${peak} MB (RSS ${baseline} MB before it, with the 100,000-row file in memory)`,
    );
  } finally {
    await app.close();
    const admin = new Kafka({ clientId: 'bench-upload', brokers: env.kafkaBrokers, logLevel: logLevel.ERROR }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(`${schema}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
    await admin.disconnect();
    const drop = new Pool({ connectionString: env.databaseUrl, max: 1 });
    await drop.query(`drop schema if exists "${schema}" cascade`);
    await drop.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
