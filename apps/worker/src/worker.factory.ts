/**
 * Builds and runs the Accord worker; used by main.ts and in-process by the e2e global setup.
 */
import { Logger, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { loadMonitoringConfig } from '../../../libs/monitoring/src/monitoring-config';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/src/temporal.module';
import { ensureDigestSchedule } from './digest-schedule';
import { ACCORD_CONFIG, TEMPORAL_WORKER, WorkerModule, type WorkerModuleOptions } from './worker.module';

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

export interface CreateWorkerOptions extends WorkerModuleOptions {
  /** Create or update the daily digest Schedule (the worker process does; in-process test workers don't). */
  ensureSchedules?: boolean;
  /** Nest's logger (the worker process: JSON lines, worker-logger.ts); by default Nest's own. */
  logger?: LoggerService;
}

export async function createWorker(options: CreateWorkerOptions = {}): Promise<AccordWorker> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(options), {
    logger: options.logger ?? nestLogLevels(options.config?.logLevel),
  });
  const worker = app.get<Worker>(TEMPORAL_WORKER);
  const logger = new Logger('Worker');
  const running = worker.run().finally(() => app.close());
  logger.log(`polling task queue ${worker.options.taskQueue} in namespace ${worker.options.namespace}`);
  if (options.ensureSchedules) {
    const monitoring = loadMonitoringConfig(options.env ?? process.env);
    if (monitoring.digest.enabled) {
      // A missing permission on a cluster must not stop the worker from running processes.
      try {
        const handle = await ensureDigestSchedule(app.get<Client>(TEMPORAL_CLIENT), app.get(ACCORD_CONFIG), {
          monitoring,
        });
        const at = `${monitoring.digest.hour}:${String(monitoring.digest.minute).padStart(2, '0')}`;
        logger.log(`daily digest schedule ${handle.scheduleId} at ${at} ${monitoring.digest.timeZone}`);
      } catch (err) {
        logger.warn(`could not create the daily digest schedule: ${String(err)}`);
      }
    }
  }
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
