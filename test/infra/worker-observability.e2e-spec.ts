/**
 * The built worker's logs are JSON lines (pino) with workflowId, runId and step in each; with
 * ACCORD_WORKER_HEALTH_PORT it answers GET /health (200 while it runs) and stops cleanly; every metric the
 * Grafana dashboard (deploy/grafana/accord-dashboard.json) charts is one the worker or the API exports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { decideUpdate, nudgeUpdate, PROCESS_WORKFLOW_TYPE } from '../../libs/contracts/src/messages';
import type { ActingPrincipal } from '../../libs/contracts/src/principal';
import { freePort } from '../../libs/temporal/src/free-port';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll, testClient } from '../support/temporal-client';
import { isAlive, spawnNode, waitFor, type Spawned } from './support/processes';
import { CA_APPROVER, JP_APPROVER, twoStepInput } from './support/two-step-definition';

describe('worker logs and health', () => {
  closeTestClientAfterAll();
  let worker: Spawned | undefined;

  afterAll(async () => {
    if (worker?.child.pid && isAlive(worker.child.pid)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
  });

  it('writes JSON lines with workflowId, runId and step, and serves /health while it runs', async () => {
    const env = e2eEnv();
    const port = await freePort();
    const metricsPort = await freePort();
    const taskQueue = `infra-logs-${randomUUID()}`;
    worker = spawnNode('apps/worker/src/main.js', [], {
      ...process.env,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.namespace,
      ACCORD_TASK_QUEUE: taskQueue,
      ACCORD_DAY_LENGTH: '1s',
      ACCORD_DATA_DIR: env.dataDir,
      ACCORD_WORKER_HEALTH_PORT: String(port),
      ACCORD_WORKER_METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
    });
    const spawned = worker;
    const health = await waitFor(`worker health on port ${port}`, async () => {
      if (!isAlive(spawned.child.pid!)) throw new Error(`worker exited: ${spawned.output()}`);
      const res = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined);
      return res?.status === 200 ? await res.json() : undefined;
    });
    expect(health).toMatchObject({ status: 'ok', worker: 'RUNNING', taskQueue });
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);

    const client = await testClient();
    const processId = `process-${randomUUID()}`;
    const handle = await client.workflow.start(PROCESS_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: processId,
      args: [twoStepInput(processId)],
    });
    // A nudge (the notify activity), then both approvals: the process completes.
    const coordinator: ActingPrincipal = {
      sub: 'infra-coordinator',
      name: 'Coordinator',
      party: 'JP',
      org: 'MOFA',
      roles: ['coordinator'],
    };
    await handle.executeUpdate(nudgeUpdate, { args: [{ principal: coordinator, stepId: 'jp-approval' }] });
    await handle.executeUpdate(decideUpdate, {
      args: [{ principal: JP_APPROVER, stepId: 'jp-approval', decision: 'approve', requestId: randomUUID() }],
    });
    await handle.executeUpdate(decideUpdate, {
      args: [{ principal: CA_APPROVER, stepId: 'ca-approval', decision: 'approve', requestId: randomUUID() }],
    });
    await handle.result();

    const dashboard = fs.readFileSync(
      path.join(__dirname, '../../deploy/grafana/accord-dashboard.json'),
      'utf8',
    );
    const charted = [...new Set(dashboard.match(/\b(accord|temporal|process|nodejs)_\w+/g) ?? [])];
    expect(charted.length).toBeGreaterThan(10);
    const missing = await waitFor('every charted metric exported', async () => {
      const worker = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const api = await (await fetch(`${env.apiUrl}/metrics`)).text();
      const absent = charted.filter((m) => !worker.includes(m) && !api.includes(m));
      return absent.length === 0 ? absent : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message} (charted: ${charted.join(', ')})`);
    });
    expect(missing).toEqual([]);
    const lines = () =>
      spawned
        .output()
        .split('\n')
        .filter((l) => l.trim() !== '');
    const applied = await waitFor('the decision in the worker log', async () =>
      lines()
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'decide applied' && l.workflowId === processId),
    );
    expect(applied).toMatchObject({ runId: handle.firstExecutionRunId, step: 'jp-approval', level: 30 });

    spawned.child.kill('SIGTERM');
    expect(await spawned.exited).toEqual({ code: 0, signal: null });
    // Every line, from Nest, the SDK, the bundler or workflow code, is JSON with the three fields.
    const parsed = lines().map((l) => {
      try {
        return JSON.parse(l) as Record<string, unknown>;
      } catch {
        return { notJson: l };
      }
    });
    expect(parsed.filter((l) => !('workflowId' in l && 'runId' in l && 'step' in l))).toEqual([]);
    expect(parsed.length).toBeGreaterThan(3);
  });
});
