/**
 * One real Temporal dev server (the resolved CLI, free ports, Accord's search attributes) — or the server
 * TEMPORAL_ADDRESS names — the real worker and the real API serving the built web console, shared by every
 * e2e file. The API runs on its own generated secret (in the data folder, as on a laptop), so the console's
 * directory sign-in is there; the tests sign tokens with that secret. Handles stay on globalThis for global-teardown.ts;
 * test files read test/.tmp/e2e-env.json (test/support/e2e-env.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { createApiApp } from '../../apps/api/src/app.factory';
import { resolveJwtSecret } from '../../apps/api/src/auth/jwt-secret';
import { createWorker, type AccordWorker } from '../../apps/worker/src/worker.factory';
import { loadConfig, loadPayloadKeys } from '../../libs/config/src/accord-config';
import { SA } from '../../libs/contracts/src/search-attributes';
import { resolveTemporalCli } from '../../libs/temporal/src/cli-resolver';
import { connectClient, temporalSettings } from '../../libs/temporal/src/connection';
import { accordDataConverter } from '../../libs/temporal/src/encryption/encryption-codec';
import { ensureNamespace } from '../../libs/temporal/src/namespace';
import { accordClientInterceptors } from '../../libs/temporal/src/update-signing';
import { registerSearchAttributes } from '../../libs/temporal/src/search-attributes';
import type { E2eEnv } from '../support/e2e-env';
import { E2E_ENV_FILE, E2E_ENV_VAR } from '../support/e2e-env';
import { freePort } from '../../libs/temporal/src/free-port';
import { ensureWebConsoleBuilt } from './web-console-build';

export interface E2eHandles {
  /** The dev server this run started; absent when TEMPORAL_ADDRESS names a server (e.g. the PostgreSQL cluster). */
  testEnv?: TestWorkflowEnvironment;
  /** The client the worker and API share (on testEnv's connection on the dev server). */
  client: Client;
  worker: AccordWorker;
  app: INestApplication;
  dataDir: string;
}

declare global {
  var __ACCORD_E2E__: E2eHandles | undefined;
}

function lap(label: string, since: number): number {
  const now = Date.now();
  if (process.env.ACCORD_E2E_TIMINGS !== '0')
    process.stderr.write(`[e2e setup] ${label}: ${now - since} ms\n`);
  return now;
}

export default async function globalSetup(): Promise<void> {
  const t0 = Date.now();
  let t = t0;
  process.stderr.write('\n');
  const cli = await resolveTemporalCli();
  t = lap(`Temporal CLI (${cli.source}: ${cli.path})`, t);

  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this process (watch mode): keep it.
  }
  // By configuration alone: TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE, TLS settings) run the suite against
  // that server, e.g. the PostgreSQL cluster of `npm run test:cluster`; otherwise a dev server of its own.
  const external = process.env.TEMPORAL_ADDRESS ? temporalSettings(process.env) : undefined;
  // The key that proves Updates come from Accord (API, worker, test clients and the processes tests start
  // inherit it); a run's own unless given.
  process.env.ACCORD_UPDATE_KEYS ||= `e2e:${randomBytes(32).toString('base64')}`;
  let testEnv: TestWorkflowEnvironment | undefined;
  let client: Client;
  let namespace: string;
  if (external) {
    client = await connectClient(process.env);
    namespace = external.namespace;
    await ensureNamespace(client.connection, namespace, { retention: '1 day' });
    t = lap(`Temporal at ${external.address}, namespace ${namespace}`, t);
  } else {
    testEnv = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: { type: 'existing-path', path: cli.path },
        ip: '127.0.0.1',
        port: await freePort(),
        searchAttributes: Object.values(SA),
        log: { format: 'pretty', level: 'warn' },
      },
    });
    // The environment's own client neither encrypts nor signs Updates: one like the API's.
    client = new Client({
      connection: testEnv.connection,
      namespace: 'default',
      dataConverter: accordDataConverter(loadPayloadKeys(process.env)),
      interceptors: accordClientInterceptors(process.env),
    });
    namespace = 'default';
    await registerSearchAttributes(testEnv.connection, namespace);
    t = lap(`dev server at ${testEnv.address}`, t);
  }
  const temporalAddress = external?.address ?? testEnv!.address;

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'));
  const apiPort = await freePort();
  Object.assign(process.env, {
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    ACCORD_TASK_QUEUE: `accord-e2e-${randomUUID()}`,
    ACCORD_DAY_LENGTH: '1s',
    ACCORD_DATA_DIR: dataDir,
    ACCORD_TEMPORAL_CLI: cli.path,
    ACCORD_API_HOST: '127.0.0.1',
    PORT: String(apiPort),
    LOG_LEVEL: process.env.ACCORD_E2E_LOG_LEVEL ?? 'warn',
  });
  // A secret given from outside would turn directory sign-in off: the API generates its own.
  delete process.env.ACCORD_JWT_SECRET;
  delete process.env.ACCORD_JWKS_URL;
  const config = loadConfig(process.env);
  const jwtSecret = resolveJwtSecret(config, { create: true })!;
  t = lap(`web console: ${ensureWebConsoleBuilt(config.web.dir)}`, t);

  let worker: AccordWorker | undefined;
  let app: INestApplication | undefined;
  try {
    worker = await createWorker({ config, client });
    t = lap(`worker on ${config.taskQueue} (workflow bundle)`, t);
    app = await createApiApp({ config, client });
    await app.listen(apiPort, '127.0.0.1');
    lap(`API at http://127.0.0.1:${apiPort}`, t);
  } catch (err) {
    // Leave no server or worker behind when the harness cannot start.
    await app?.close().catch(() => undefined);
    await worker?.shutdown().catch(() => undefined);
    await testEnv?.teardown().catch(() => undefined);
    if (!testEnv) await client.connection.close().catch(() => undefined);
    throw err;
  }

  globalThis.__ACCORD_E2E__ = { testEnv, client, worker, app, dataDir };
  const env: E2eEnv = {
    temporalAddress,
    namespace,
    taskQueue: config.taskQueue,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    jwtSecret,
    dataDir,
    temporalCli: cli.path,
  };
  // Test workers inherit this (they start after the global setup); the file is for people and tools.
  process.env[E2E_ENV_VAR] = JSON.stringify(env);
  fs.mkdirSync(path.dirname(E2E_ENV_FILE), { recursive: true });
  fs.writeFileSync(E2E_ENV_FILE, JSON.stringify(env, null, 2));
  lap('e2e harness ready (total)', t0);
}
