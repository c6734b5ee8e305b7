/**
 * A private Accord world on the shared e2e dev server: a fresh namespace with Accord's search attributes, a
 * plain SDK worker in this jest process on its own task queue, and the API as a separate process
 * (apps/api/src/main.ts from source) for that namespace. Nothing left behind by other test files (processes
 * on task queues without a worker, processes broken on purpose) is visible to it.
 * Tokens from test/support/auth.ts work: the API uses the harness's JWT secret.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import { loadConfig } from '../../../libs/config/src/accord-config';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../../libs/contracts/src/search-attributes';
import { freePort } from '../../../libs/temporal/src/free-port';
import { registerSearchAttributes } from '../../../libs/temporal/src/search-attributes';
import { e2eEnv } from '../../support/e2e-env';
import { waitFor } from '../../infra/support/processes';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REGISTER = path.join(__dirname, 'swc-register.js');

export interface IsolatedApi {
  namespace: string;
  taskQueue: string;
  apiUrl: string;
  /** A client on the private namespace. */
  client: Client;
  /** API process output so far (for failure messages). */
  apiOutput: () => string;
  stop: () => Promise<void>;
}

/** Creates the namespace and waits until it is usable: the dev server's namespace cache refreshes in seconds. */
export async function createNamespace(connection: Connection, namespace: string): Promise<void> {
  await connection.workflowService.registerNamespace({
    namespace,
    description: 'private namespace of one e2e test file',
    workflowExecutionRetentionPeriod: msToTs('1 day'),
  });
  await waitFor(
    `namespace ${namespace}`,
    () => connection.workflowService.describeNamespace({ namespace }).then(() => true),
    60_000,
  );
  await waitFor(
    `search attributes in ${namespace}`,
    () => registerSearchAttributes(connection, namespace).then(() => true),
    60_000,
  );
  // Usable once a visibility query naming every Accord attribute is accepted.
  const query = Object.keys(SEARCH_ATTRIBUTE_REGISTRATIONS)
    .map((name) => `${name} IS NULL`)
    .join(' AND ');
  await waitFor(
    `search attributes usable in ${namespace}`,
    () => connection.workflowService.countWorkflowExecutions({ namespace, query }).then(() => true),
    60_000,
  );
}

/** The environment without the harness's Accord/Temporal settings (as test/api/standalone.e2e-spec.ts does). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(ACCORD_|TEMPORAL_)/.test(k) && k !== 'PORT') env[k] = v;
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

async function waitForHealthy(url: string, child: ChildProcess, output: () => string): Promise<void> {
  await waitFor(
    `the isolated API at ${url}`,
    async () => {
      if (child.exitCode !== null)
        throw new Error(`API exited with ${child.exitCode}: ${output().slice(-2000)}`);
      return (await fetch(`${url}/health`).catch(() => undefined))?.status === 200;
    },
    60_000,
  );
}

export async function startIsolatedApi(prefix = 'isolated'): Promise<IsolatedApi> {
  const env = e2eEnv();
  const namespace = `${prefix}-${randomUUID()}`;
  const taskQueue = `${prefix}-${randomUUID()}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `accord-${prefix}-`));
  const connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection, namespace });
  let nativeConnection: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let child: ChildProcess | undefined;
  let exited: Promise<unknown> | undefined;
  let out = '';

  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    }
    // Hygiene: nothing keeps firing timers in the namespace once its worker is gone.
    try {
      for await (const wf of client.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
        await client.workflow
          .getHandle(wf.workflowId, wf.runId)
          .terminate('isolated test world torn down')
          .catch(() => undefined);
      }
    } catch {
      /* best effort */
    }
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running?.catch(() => undefined);
    await nativeConnection?.close().catch(() => undefined);
    await connection.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await createNamespace(connection, namespace);
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      /* already installed in this process */
    }
    // A plain SDK Worker with the real workflows and activities (the Nest worker app cannot load under jest).
    const config = { ...loadConfig(process.env), taskQueue };
    nativeConnection = await NativeConnection.connect({ address: env.temporalAddress });
    worker = await Worker.create({
      connection: nativeConnection,
      namespace,
      taskQueue,
      workflowsPath: require.resolve('../../../workflows'),
      activities: createActivities({ config, client }),
    });
    running = worker.run();

    const port = await freePort();
    child = spawn(process.execPath, ['-r', REGISTER, 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: cleanEnv({
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_NAMESPACE: namespace,
        ACCORD_TASK_QUEUE: taskQueue,
        ACCORD_JWT_SECRET: env.jwtSecret,
        ACCORD_DATA_DIR: dataDir,
        ACCORD_DAY_LENGTH: config.dayLengthMs + 'ms',
        ACCORD_API_HOST: '127.0.0.1',
        PORT: String(port),
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const spawned = child;
    exited = new Promise((resolve) => spawned.once('exit', resolve));
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitForHealthy(apiUrl, child, () => out);
    return { namespace, taskQueue, apiUrl, client, apiOutput: () => out, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
