/**
 * The worker's logs as JSON lines (pino), like the API's: every line has `workflowId`, `runId` and `step`
 * (null when the line is about no workflow or step), whether it comes from workflow code (Temporal's
 * workflow `log`, through its sink), an activity (Context's logger), the SDK itself or Nest.
 */
import type { LoggerService } from '@nestjs/common';
import type { LogLevel as TemporalLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import pino, { type Logger as Pino } from 'pino';

export function workerPino(
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Pino {
  return pino(
    {
      level,
      base: { service: 'accord-worker', pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Never log credentials, should a payload or an error carry one.
      redact: { paths: ['*.secret', '*.password', '*.token', '*.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}

/** The fields every line carries, read from Temporal's log metadata (workflow, activity or update). */
export function correlation(meta: LogMetadata = {}): Record<string, unknown> {
  const { workflowId, runId, workflowRunId, step, stepId, ...rest } = meta as Record<string, unknown>;
  return {
    workflowId: workflowId ?? null,
    runId: runId ?? workflowRunId ?? null,
    step: step ?? stepId ?? null,
    ...rest,
  };
}

const LEVEL: Record<TemporalLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Temporal's Runtime logger, writing to pino. */
export class PinoTemporalLogger implements TemporalLogger {
  constructor(private readonly pino: Pino) {}
  log(level: TemporalLevel, message: string, meta?: LogMetadata): void {
    this.pino[LEVEL[level] ?? 'info'](correlation(meta), message);
  }
  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

/** Nest's own lines (start-up, "polling task queue") in the same JSON, with the same fields. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Pino) {}
  private write(
    level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal',
    message: unknown,
    rest: unknown[],
  ) {
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    this.pino[level](correlation({ context }), String(message));
  }
  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
}
