/**
 * Builds and runs the Accord worker; used by main.ts and in-process by the e2e global setup.
 */
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Worker } from '@temporalio/worker';
import { TEMPORAL_WORKER, WorkerModule, type WorkerModuleOptions } from './worker.module';

export interface AccordWorker {
  worker: Worker;
  taskQueue: string;
  /** Settles when the worker has stopped (after shutdown(), a signal, or a fatal error). */
  running: Promise<void>;
  /** Stops polling, lets in-flight tasks finish, closes the connections. */
  shutdown(): Promise<void>;
}

export function nestLogLevels(level = process.env.LOG_LEVEL ?? 'info'): LogLevel[] {
  const order: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];
  const cut = { fatal: 1, error: 2, warn: 3, info: 4, log: 4, debug: 5, trace: 6, verbose: 6 }[level] ?? 4;
  return order.slice(0, cut);
}

export async function createWorker(options: WorkerModuleOptions = {}): Promise<AccordWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), {
    logger: nestLogLevels(options.config?.logLevel),
  });
  const worker = app.get<Worker>(TEMPORAL_WORKER);
  const logger = new Logger('Worker');
  const running = worker.run().finally(() => app.close());
  logger.log(`polling task queue ${worker.options.taskQueue} in namespace ${worker.options.namespace}`);
  return {
    worker,
    taskQueue: worker.options.taskQueue,
    running,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    },
  };
}
