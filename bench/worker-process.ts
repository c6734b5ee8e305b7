/**
 * A benchmark's worker in a process of its own (harness option `workerProcess`), as a deployment runs it:
 * the API's event loop then carries no workflow or activity task beside the requests being timed. It reads
 * the environment the harness set (Temporal address and TLS, namespace, task queue, the data folder that
 * holds the update keys, the definitions, payload keys, the webhook sink) and makes no Schedule. It tells
 * the harness it runs with an IPC message; SIGTERM shuts it down (the Temporal runtime's own handling).
 */
import { DefaultLogger, Runtime } from '@temporalio/worker';

export const WORKER_READY = 'accord-bench-worker-ready';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // Lazy: the harness imports WORKER_READY from here before it sets the definitions folder.
  const { createWorker } = await import('../apps/worker/src/worker.factory');
  const worker = await createWorker();
  process.send?.(WORKER_READY);
  await worker.running;
}

if (require.main === module)
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`bench worker: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
