/**
 * The worker process: `node dist/apps/worker/src/main.js`. SIGINT/SIGTERM let in-flight tasks finish
 * (the Temporal runtime shuts the worker down on those signals), then the connections close. Its logs are
 * JSON lines (pino) with workflowId, runId and step (worker-logger.ts). With ACCORD_WORKER_METRICS_PORT,
 * the SDK's own Prometheus exporter serves 127.0.0.1:<port>/metrics; with ACCORD_WORKER_HEALTH_PORT,
 * GET /health says whether the worker runs.
 */
import { Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { loadConfig } from '../../../libs/config/src/accord-config';
import { startTracing } from '../../../libs/telemetry/src/tracing';
import { serveWorkerHealth } from './health-server';
import { createWorker } from './worker.factory';
import { PinoNestLogger, PinoTemporalLogger, workerPino } from './worker-logger';

const CORE_LEVELS: Record<string, 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
};

async function main(): Promise<void> {
  const config = loadConfig();
  const { metricsPort, healthPort, healthHost } = config.worker;
  const pino = workerPino(config.logLevel);
  // Before the worker and its clients: with OTEL_EXPORTER_OTLP_ENDPOINT, workflows and activities are traced.
  const tracing = startTracing('accord-worker');
  Runtime.install({
    logger: new PinoTemporalLogger(pino),
    telemetryOptions: {
      // The SDK core's own lines go through the same logger (JSON), at WARN and above unless debugging.
      logging: {
        filter: makeTelemetryFilterString({
          core: CORE_LEVELS[config.logLevel] === 'TRACE' ? 'DEBUG' : 'WARN',
        }),
        forward: {},
      },
      ...(metricsPort !== undefined
        ? { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } }
        : {}),
    },
  });
  const worker = await createWorker({ ensureSchedules: true, logger: new PinoNestLogger(pino) });
  if (healthPort !== undefined) {
    const server = await serveWorkerHealth(worker.worker, healthPort, healthHost);
    pino.info(correlationFree(), `health on http://${healthHost}:${healthPort}/health`);
    void worker.running.finally(() => server.close());
  }
  await worker.running;
  await tracing?.shutdown();
}

/** A line about the process itself: no workflow, run or step. */
const correlationFree = () => ({ workflowId: null, runId: null, step: null });

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('Worker failed:', err);
    process.exit(1);
  },
);
