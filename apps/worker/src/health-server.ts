/**
 * The worker's health endpoint: GET /health answers 200 while the worker runs (polls its task queue) and
 * 503 otherwise, for an orchestrator's liveness and readiness probes. Loopback unless told otherwise.
 */
import * as http from 'node:http';
import type { Worker } from '@temporalio/worker';

export function serveWorkerHealth(
  worker: Pick<Worker, 'getState' | 'options'>,
  port: number,
  host = '127.0.0.1',
) {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/health') {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ message: 'GET /health' }));
      return;
    }
    const state = worker.getState();
    const up = state === 'RUNNING';
    res.writeHead(up ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(
      JSON.stringify({
        status: up ? 'ok' : 'unavailable',
        worker: state,
        taskQueue: worker.options.taskQueue,
        namespace: worker.options.namespace,
      }),
    );
  });
  return new Promise<http.Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
