/**
 * A private Accord world on the shared e2e dev server: a fresh namespace with Accord's search attributes, a
 * plain SDK worker in this jest process on its own task queue, and the API as a separate process
 * (apps/api/src/main.ts from source) for that namespace. Nothing left behind by other test files (processes
 * on task queues without a worker, processes broken on purpose) is visible to it.
 * Tokens from test/support/auth.ts work: the API uses the harness's JWT secret (unless apiEnv says otherwise).
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import { withUpdateKeys } from '../../../apps/worker/src/update-keys-bundle';
import { loadConfig, loadUpdateKeys } from '../../../libs/config/src/accord-config';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../../libs/contracts/src/search-attributes';
import { registerSearchAttributes } from '../../../libs/temporal/src/search-attributes';
import { accordClientInterceptors } from '../../../libs/temporal/src/update-signing';
import { e2eEnv } from '../../support/e2e-env';
import { waitFor } from '../../infra/support/processes';
import { startApiProcess, type ApiProcess } from './api-process';

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

export interface IsolatedApiOptions {
  /** Settings for the API process on top of the private world's (e.g. OIDC instead of the shared secret). */
  apiEnv?: Record<string, string>;
}

export async function startIsolatedApi(
  prefix = 'isolated',
  options: IsolatedApiOptions = {},
): Promise<IsolatedApi> {
  const env = e2eEnv();
  const namespace = `${prefix}-${randomUUID()}`;
  const taskQueue = `${prefix}-${randomUUID()}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `accord-${prefix}-`));
  const connection = await Connection.connect({ address: env.temporalAddress });
  const client = new Client({ connection, namespace, interceptors: accordClientInterceptors(process.env) });
  let nativeConnection: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let api: ApiProcess | undefined;

  const stop = async () => {
    await api?.stop();
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
      // As the real worker: Updates without the API's proof are rejected.
      interceptors: { workflowModules: [require.resolve('../../../workflows/interceptors')] },
      bundlerOptions: { webpackConfigHook: withUpdateKeys(loadUpdateKeys(process.env).keys) },
    });
    running = worker.run();

    api = await startApiProcess(
      {
        TEMPORAL_ADDRESS: env.temporalAddress,
        TEMPORAL_NAMESPACE: namespace,
        ACCORD_TASK_QUEUE: taskQueue,
        ACCORD_JWT_SECRET: env.jwtSecret,
        ACCORD_DATA_DIR: dataDir,
        ACCORD_DAY_LENGTH: config.dayLengthMs + 'ms',
        ...options.apiEnv,
      },
      { healthy: true },
    );
    return { namespace, taskQueue, apiUrl: api.url, client, apiOutput: api.output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
