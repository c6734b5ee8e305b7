/**
 * The worker process: `node dist/apps/worker/src/main.js`. SIGINT/SIGTERM let in-flight tasks finish
 * (the Temporal runtime shuts the worker down on those signals), then the connections close. With
 * ACCORD_WORKER_METRICS_PORT, the SDK's own Prometheus exporter serves 127.0.0.1:<port>/metrics.
 */
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import { loadConfig } from '../../../libs/config/src/accord-config';
import { createWorker } from './worker.factory';

const TEMPORAL_LEVELS: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
};

async function main(): Promise<void> {
  const { metricsPort } = loadConfig().worker;
  Runtime.install({
    logger: new DefaultLogger(TEMPORAL_LEVELS[process.env.LOG_LEVEL ?? 'info'] ?? 'INFO'),
    ...(metricsPort !== undefined
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } } }
      : {}),
  });
  const worker = await createWorker({ ensureSchedules: true });
  await worker.running;
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('Worker failed:', err);
    process.exit(1);
  },
);
