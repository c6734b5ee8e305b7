/**
 * `npm start` (node dist/scripts/start.js, built by pretest): stopping and starting it keeps every process;
 * Ctrl-C leaves no child behind; /health reports Temporal up, and 503 once Temporal is down.
 */
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { decideUpdate, PROCESS_WORKFLOW_TYPE, stateQuery } from '../../libs/contracts/src/messages';
import { startDevServer } from '../../libs/temporal/src/dev-server';
import { accordClientInterceptors } from '../../libs/temporal/src/update-signing';
import { e2eEnv } from '../support/e2e-env';
import { freePort } from '../../libs/temporal/src/free-port';
import { DIST, descendants, isAlive, spawnNode, waitFor, type Spawned } from './support/processes';
import { JP_APPROVER, twoStepInput } from './support/two-step-definition';

interface Instance {
  env: NodeJS.ProcessEnv;
  apiUrl: string;
  temporalAddress: string;
  dataDir: string;
}

async function newInstance(): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-start-'));
  const [temporalPort, uiPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ACCORD_DATA_DIR: dataDir,
    ACCORD_TEMPORAL_PORT: String(temporalPort),
    ACCORD_TEMPORAL_UI_PORT: String(uiPort),
    PORT: String(apiPort),
    ACCORD_API_HOST: '127.0.0.1',
    ACCORD_TEMPORAL_CLI: e2eEnv().temporalCli,
    ACCORD_TASK_QUEUE: `infra-start-${randomUUID()}`,
    ACCORD_JWT_SECRET: randomUUID(),
    LOG_LEVEL: 'warn',
  };
  // The harness points this process at the shared server; an instance of `npm start` runs its own.
  delete env.TEMPORAL_ADDRESS;
  delete env.TEMPORAL_NAMESPACE;
  // Nor the run's update key: `npm start` makes one for development in its data folder.
  delete env.ACCORD_UPDATE_KEYS;
  return {
    env,
    apiUrl: `http://127.0.0.1:${apiPort}`,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    dataDir,
  };
}

async function health(
  apiUrl: string,
): Promise<{ status: number; body: { status?: string; info?: object; error?: object } }> {
  const res = await fetch(`${apiUrl}/health`);
  return { status: res.status, body: (await res.json()) as { status?: string } };
}

async function waitHealthy(apiUrl: string, started: Spawned) {
  await waitFor(
    `${apiUrl}/health = 200`,
    async () => {
      if (started.child.exitCode !== null) throw new Error(`start.js exited:\n${started.output()}`);
      return (await health(apiUrl)).status === 200;
    },
    90_000,
  );
}

async function stopWithSigint(started: Spawned): Promise<number | null> {
  started.child.kill('SIGINT');
  const { code } = await started.exited;
  return code;
}

/** A client that signs Updates with the instance's update key (made in its data folder by `npm start`). */
async function withClient<T>(instance: Instance, fn: (c: Client) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address: instance.temporalAddress });
  try {
    const interceptors = accordClientInterceptors(instance.env);
    return await fn(new Client({ connection, namespace: 'default', interceptors }));
  } finally {
    await connection.close();
  }
}

describe('npm start', () => {
  const running: Spawned[] = [];
  const dirs: string[] = [];
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'scripts/start.js')))
      throw new Error('dist/ is missing: run `npm run build`');
  });
  afterAll(async () => {
    for (const s of running) {
      if (s.child.pid && isAlive(s.child.pid)) {
        s.child.kill('SIGTERM');
        await s.exited;
      }
    }
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps every process across a stop and a start, and leaves no child process behind', async () => {
    const instance = await newInstance();
    dirs.push(instance.dataDir);
    const first = spawnNode('scripts/start.js', [], instance.env);
    running.push(first);
    await waitHealthy(instance.apiUrl, first);
    const h = await health(instance.apiUrl);
    expect(h.body).toMatchObject({ status: 'ok', info: { temporal: { status: 'up' } } });
    expect(fs.existsSync(path.join(instance.dataDir, 'temporal.db'))).toBe(true);

    const processId = `process-${randomUUID()}`;
    await withClient(instance, async (client) => {
      const handle = await client.workflow.start(PROCESS_WORKFLOW_TYPE, {
        taskQueue: instance.env.ACCORD_TASK_QUEUE!,
        workflowId: processId,
        args: [twoStepInput(processId)],
      });
      await handle.executeUpdate(decideUpdate, {
        args: [
          { principal: JP_APPROVER, stepId: 'jp-approval', decision: 'approve', requestId: randomUUID() },
        ],
      });
    });

    const children = descendants(first.child.pid!);
    expect(children.length).toBeGreaterThanOrEqual(3); // dev server, worker, api
    expect(await stopWithSigint(first)).toBe(0);
    expect(children.filter(isAlive)).toEqual([]);
    expect(first.output()).toContain('stopped.');

    const second = spawnNode('scripts/start.js', [], instance.env);
    running.push(second);
    await waitHealthy(instance.apiUrl, second);
    const state = await withClient(instance, (client) =>
      client.workflow.getHandle(processId).query(stateQuery),
    );
    expect(state.status).toBe('running');
    expect(state.steps.find((s) => s.id === 'jp-approval')).toMatchObject({ status: 'completed' });
    expect(state.steps.find((s) => s.id === 'ca-approval')).toMatchObject({ status: 'active' });

    const secondChildren = descendants(second.child.pid!);
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    expect(secondChildren.filter(isAlive)).toEqual([]);
  });

  it('answers /health 503 when Temporal is down', async () => {
    const instance = await newInstance();
    dirs.push(instance.dataDir);
    const server = await startDevServer({
      cliPath: e2eEnv().temporalCli,
      dataDir: instance.dataDir,
      port: Number(instance.env.ACCORD_TEMPORAL_PORT),
      uiPort: Number(instance.env.ACCORD_TEMPORAL_UI_PORT),
      output: () => undefined,
    });
    try {
      const api = spawnNode('scripts/start.js', ['--only', 'api'], {
        ...instance.env,
        TEMPORAL_ADDRESS: server.address,
      });
      running.push(api);
      await waitHealthy(instance.apiUrl, api);
      await server.stop();
      const down = await health(instance.apiUrl);
      expect(down.status).toBe(503);
      expect(await stopWithSigint(api)).toBe(0);
    } finally {
      await server.stop();
    }
  });

  it('stops everything with the exit code of a part that dies', async () => {
    const instance = await newInstance();
    dirs.push(instance.dataDir);
    const started = spawnNode('scripts/start.js', [], instance.env);
    running.push(started);
    await waitHealthy(instance.apiUrl, started);
    const children = descendants(started.child.pid!);
    const worker = children.find((pid) =>
      fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('apps/worker/src/main.js'),
    );
    expect(worker).toBeDefined();
    process.kill(worker!, 'SIGKILL');
    expect((await started.exited).code).toBe(137);
    expect(children.filter(isAlive)).toEqual([]);
    expect(started.output()).toContain('worker exited with code 137');
  });
});
