/**
 * The built worker with ACCORD_WORKER_METRICS_PORT serves the Temporal SDK's Prometheus metrics (worker
 * start, requests to the server) on 127.0.0.1:<port>/metrics.
 */
import { randomUUID } from 'node:crypto';
import { freePort } from '../../libs/temporal/src/free-port';
import { e2eEnv } from '../support/e2e-env';
import { isAlive, spawnNode, waitFor, type Spawned } from './support/processes';

describe('worker Prometheus metrics', () => {
  let worker: Spawned | undefined;

  afterAll(async () => {
    if (worker?.child.pid && isAlive(worker.child.pid)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
  });

  it('serves temporal_ metrics on ACCORD_WORKER_METRICS_PORT and stops cleanly', async () => {
    const env = e2eEnv();
    const port = await freePort();
    worker = spawnNode('apps/worker/src/main.js', [], {
      ...process.env,
      TEMPORAL_ADDRESS: env.temporalAddress,
      TEMPORAL_NAMESPACE: env.namespace,
      ACCORD_TASK_QUEUE: `infra-metrics-${randomUUID()}`,
      ACCORD_DAY_LENGTH: '1s',
      ACCORD_DATA_DIR: env.dataDir,
      ACCORD_WORKER_METRICS_PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const spawned = worker;

    const text = await waitFor(`worker metrics on port ${port}`, async () => {
      if (!isAlive(spawned.child.pid!)) throw new Error(`worker exited: ${spawned.output()}`);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      const body = await res.text();
      return res.status === 200 && /^temporal_worker_start\{.*\} [1-9]/m.test(body) ? body : undefined;
    });
    expect(text).toMatch(/^temporal_request\{.*operation="\w+".*\} \d+/m);
    expect(text).toMatch(/task_queue="infra-metrics-/);

    spawned.child.kill('SIGTERM');
    expect(await spawned.exited).toEqual({ code: 0, signal: null });
  });
});
