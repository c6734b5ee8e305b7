/**
 * Accord's own settings, read from the environment in one place. Temporal connection settings are not
 * here: they are read the way Temporal users expect (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS, API key,
 * profiles) by @temporalio/envconfig in libs/temporal.
 */
import * as path from 'node:path';
import { DEFAULT_TASK_QUEUE } from '../../contracts/src/task-queue';

export type NotifierKind = 'log' | 'webhook' | 'smtp';

export interface AccordConfig {
  /** production refuses to start without a JWT secret or JWKS URL. */
  production: boolean;
  dataDir: string;
  taskQueue: string;
  api: {
    port: number;
    host: string;
    corsOrigins: string[];
    bodyLimit: string;
    /** When set, GET /metrics needs `Authorization: Bearer <metricsToken>`. */
    metricsToken?: string;
  };
  /** When set, the worker serves the Temporal SDK's Prometheus metrics on 127.0.0.1:<metricsPort>/metrics. */
  worker: { metricsPort?: number };
  auth: { jwtSecret?: string; jwksUrl?: string; issuer?: string; audience?: string };
  devServer: { port: number; uiPort: number; cliPath?: string; cliVersion: string };
  /** Wall-clock length of one calendar day; shorter in tests ("short test calendars"). */
  dayLengthMs: number;
  notify: { kind: NotifierKind; webhookUrl?: string; webhookSecret?: string; smtpUrl?: string; from: string };
  /** Replaces the shipped House of Commons sitting calendar. */
  sittingCalendarFile?: string;
  logLevel: string;
  /** Bounds on what one user's requests can make a process or a store carry (README: what is bounded). */
  limits: {
    /** Change-request rounds on an approval whose definition sets no maxRounds. */
    maxRounds: number;
    /** Active delegations one person may have given. */
    maxDelegationsPerPerson: number;
  };
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = int(env, name, fallback);
  if (n < 1) throw new ConfigError(`${name} must be at least 1, got "${env[name]}"`);
  return n;
}

function tcpPort(env: NodeJS.ProcessEnv, name: string): number {
  const n = int(env, name, 0);
  if (n < 1 || n > 65535) throw new ConfigError(`${name} must be a TCP port (1-65535), got "${env[name]}"`);
  return n;
}

/** "86400000", "24h", "1s", "500ms", "2m", "1d" → milliseconds. */
export function parseDuration(raw: string, name = 'duration'): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(raw.trim());
  if (!m) throw new ConfigError(`${name} must be a duration like 24h, 1s or 500ms, got "${raw}"`);
  const n = Number(m[1]);
  const unit = m[2] ?? 'ms';
  const factor = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[unit]!;
  const ms = Math.round(n * factor);
  if (ms <= 0) throw new ConfigError(`${name} must be positive, got "${raw}"`);
  return ms;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AccordConfig {
  const production = env.NODE_ENV === 'production' || env.ACCORD_ENV === 'production';
  const notifyKind = (env.ACCORD_NOTIFY ?? 'log') as NotifierKind;
  if (!['log', 'webhook', 'smtp'].includes(notifyKind)) {
    throw new ConfigError(`ACCORD_NOTIFY must be log, webhook or smtp, got "${env.ACCORD_NOTIFY}"`);
  }
  return {
    production,
    dataDir: path.resolve(env.ACCORD_DATA_DIR ?? 'data'),
    taskQueue: env.ACCORD_TASK_QUEUE || DEFAULT_TASK_QUEUE,
    api: {
      port: int(env, 'PORT', int(env, 'ACCORD_API_PORT', 3000)),
      host: env.ACCORD_API_HOST || '0.0.0.0',
      corsOrigins: (env.ACCORD_CORS_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      bodyLimit: env.ACCORD_BODY_LIMIT || '100kb',
      metricsToken: env.ACCORD_METRICS_TOKEN || undefined,
    },
    worker: {
      metricsPort: env.ACCORD_WORKER_METRICS_PORT ? tcpPort(env, 'ACCORD_WORKER_METRICS_PORT') : undefined,
    },
    auth: {
      jwtSecret: env.ACCORD_JWT_SECRET || undefined,
      jwksUrl: env.ACCORD_JWKS_URL || undefined,
      issuer: env.ACCORD_JWT_ISSUER || undefined,
      audience: env.ACCORD_JWT_AUDIENCE || undefined,
    },
    devServer: {
      port: int(env, 'ACCORD_TEMPORAL_PORT', 7233),
      uiPort: int(env, 'ACCORD_TEMPORAL_UI_PORT', 8233),
      cliPath: env.ACCORD_TEMPORAL_CLI || undefined,
      cliVersion: env.ACCORD_TEMPORAL_CLI_VERSION || '1.5.1',
    },
    dayLengthMs: env.ACCORD_DAY_LENGTH
      ? parseDuration(env.ACCORD_DAY_LENGTH, 'ACCORD_DAY_LENGTH')
      : 86_400_000,
    notify: {
      kind: notifyKind,
      webhookUrl: env.ACCORD_WEBHOOK_URL || undefined,
      webhookSecret: env.ACCORD_WEBHOOK_SECRET || undefined,
      smtpUrl: env.ACCORD_SMTP_URL || undefined,
      from: env.ACCORD_MAIL_FROM || 'accord@localhost',
    },
    sittingCalendarFile: env.ACCORD_SITTING_CALENDAR || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    limits: {
      maxRounds: positive(env, 'ACCORD_MAX_ROUNDS', 20),
      maxDelegationsPerPerson: positive(env, 'ACCORD_MAX_DELEGATIONS', 20),
    },
  };
}
