/**
 * Accord's own settings, read from the environment in one place. Temporal connection settings are not
 * here: they are read the way Temporal users expect (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TLS, API key,
 * profiles) by @temporalio/envconfig in libs/temporal.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
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
  /**
   * When set, the worker serves the Temporal SDK's Prometheus metrics on 127.0.0.1:<metricsPort>/metrics,
   * and GET /health on <healthHost>:<healthPort>.
   */
  worker: { metricsPort?: number; healthPort?: number; healthHost: string };
  auth: {
    jwtSecret?: string;
    jwksUrl?: string;
    issuer?: string;
    audience?: string;
    /** Tokens whose exp lies further than this after their iat (or after now) are refused (401). */
    maxTokenLifetimeMs: number;
  };
  /**
   * Requests per window, per signed-in user and per client address (429 with Retry-After past them);
   * 0 turns that limit off. Generous by default: they stop a runaway client, not a busy coordinator.
   */
  rateLimits: { windowMs: number; perUser: number; perAddress: number };
  /** The web console's OpenID Connect sign-in (authorization code + PKCE); unset: no OIDC sign-in. */
  oidc?: { issuer: string; clientId: string; scope: string };
  /** The built web console (index.html and assets) the API serves at /. */
  web: { dir: string };
  devServer: { port: number; uiPort: number; cliPath?: string; cliVersion: string };
  /** `npm run start:cluster`: Temporal server on PostgreSQL; its frontend port is devServer.port. */
  cluster: {
    serverVersion: string;
    postgresVersion: string;
    /** Port of the private PostgreSQL made with initdb when not root (root uses the packaged cluster). */
    postgresPort: number;
    /** Temporal's persistence database; visibility is `<database>_visibility`. */
    database: string;
    workers: number;
    apis: number;
    /** mTLS between Accord and Temporal's frontend, certificates from scripts/certs.ts. */
    tls: boolean;
  };
  /** AES-256-GCM keys of the payload codec (libs/temporal/src/encryption); absent: payloads in clear. */
  payloadKeys?: PayloadKeys;
  /** The codec endpoint for the Temporal UI and CLI (apps/codec-server). */
  codec: { port: number; host: string; token?: string; corsOrigins: string[] };
  /** Wall-clock length of one calendar day; shorter in tests ("short test calendars"). */
  dayLengthMs: number;
  notify: {
    kind: NotifierKind;
    webhookUrl?: string;
    /** Standard Webhooks signing secret: `whsec_<base64>`, or at least 24 raw bytes. */
    webhookSecret?: string;
    /** How long one webhook request may take before it counts as failed (and is retried). */
    webhookTimeoutMs: number;
    smtpUrl?: string;
    from: string;
  };
  /** Replaces the shipped House of Commons sitting calendar. */
  sittingCalendarFile?: string;
  logLevel: string;
  /** Bounds on what one user's requests can make a process or a store carry (README: what is bounded). */
  limits: {
    /** Change-request rounds on an approval whose definition sets no maxRounds. */
    maxRounds: number;
    /** Active delegations one person may have given. */
    maxDelegationsPerPerson: number;
    /** Active delegations one person may have received (the store a decision reads stays small). */
    maxDelegationsReceived: number;
  };
}

export class ConfigError extends Error {}

export interface PayloadKeys {
  /** Key id → 32-byte key. */
  keys: Map<string, Buffer>;
  /** The id new payloads are encrypted with. */
  current: string;
}

/**
 * ACCORD_PAYLOAD_KEYS="<id>:<base64 of 32 bytes>,<id>:<…>" (every key decrypts) and
 * ACCORD_PAYLOAD_KEY_ID (the key new payloads use; default the first). Read by every Temporal client and
 * worker Accord makes, so it is exported on its own.
 */
export function loadPayloadKeys(env: NodeJS.ProcessEnv = process.env): PayloadKeys | undefined {
  return keyList(env, 'ACCORD_PAYLOAD_KEYS', 'ACCORD_PAYLOAD_KEY_ID');
}

/** `<id>:<base64 of 32 bytes>,…` in env[list], the current id in env[current] (default the first). */
function keyList(env: NodeJS.ProcessEnv, list: string, currentId: string): PayloadKeys | undefined {
  const raw = env[list]?.trim();
  if (!raw) return undefined;
  const keys = new Map<string, Buffer>();
  for (const entry of raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const m = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/=_-]+)$/.exec(entry);
    const key = m && Buffer.from(m[2]!, 'base64');
    if (!m || !key || key.length !== 32) {
      throw new ConfigError(
        `${list} must be "<id>:<base64 of 32 random bytes>", comma-separated; "${entry.split(':')[0]}" is not`,
      );
    }
    keys.set(m[1]!, key);
  }
  const current = env[currentId] || [...keys.keys()][0]!;
  if (!keys.has(current)) throw new ConfigError(`${currentId} "${current}" is not one of the ids in ${list}`);
  return { keys, current };
}

export interface UpdateKeys {
  /** Key id → 32-byte key as hex: every key verifies (the worker); `current` signs (the API). */
  keys: Record<string, string>;
  current: string;
  /** Where they came from: the environment, or a key made for development in the data folder. */
  source: 'env' | 'dev-file';
}

/**
 * The keys that prove an Update comes from the API (libs/contracts/src/update-proof.ts):
 * ACCORD_UPDATE_KEYS="<id>:<base64 of 32 bytes>,…" and ACCORD_UPDATE_KEY_ID (the one the API signs with;
 * default the first), the same on the API and the worker. Production refuses to start without them;
 * otherwise a key is made once in <data dir>/dev-update-keys (mode 0600) and shared by every process
 * started from the same folder.
 */
export function loadUpdateKeys(env: NodeJS.ProcessEnv = process.env): UpdateKeys {
  const fromEnv = keyList(env, 'ACCORD_UPDATE_KEYS', 'ACCORD_UPDATE_KEY_ID');
  const hexOf = (k: PayloadKeys) => Object.fromEntries([...k.keys].map(([id, b]) => [id, b.toString('hex')]));
  if (fromEnv) return { keys: hexOf(fromEnv), current: fromEnv.current, source: 'env' };
  if (env.NODE_ENV === 'production' || env.ACCORD_ENV === 'production') {
    throw new ConfigError(
      'ACCORD_UPDATE_KEYS is required in production: "<id>:<base64 of 32 random bytes>" (e.g. ' +
        '`openssl rand -base64 32`), the same on the API and the worker, so that only the API can act on processes',
    );
  }
  const file = path.join(path.resolve(env.ACCORD_DATA_DIR ?? 'data'), 'dev-update-keys');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': two processes starting together make one key, not two.
    fs.writeFileSync(file, `dev:${crypto.randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  let keys: PayloadKeys | undefined;
  for (let attempt = 0; !keys; attempt++) {
    const raw = fs.readFileSync(file, 'utf8').trim();
    // Another process may have created the file and not written it yet.
    if (raw === '' && attempt < 50) continue;
    keys = keyList({ KEYS: raw }, 'KEYS', 'KEY_ID');
    if (!keys) throw new ConfigError(`${file} is empty: delete it and start again`);
  }
  return { keys: hexOf(keys), current: keys.current, source: 'dev-file' };
}

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

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** A PostgreSQL database name Accord may create (lower case, digits, underscores). */
function identifier(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^[a-z_][a-z0-9_]{0,47}$/.test(raw))
    throw new ConfigError(`${name} must be a lower-case SQL identifier (a-z, 0-9, _), got "${raw}"`);
  return raw;
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

/** The folder holding package.json: the clone when run from source or from dist/, /app in the image. */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

function httpUrl(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (url.protocol === 'http:' || url.protocol === 'https:') return raw;
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be an http(s) URL, got "${raw}"`);
}

function oidcSettings(env: NodeJS.ProcessEnv): AccordConfig['oidc'] {
  const issuer = httpUrl(env, 'ACCORD_OIDC_ISSUER');
  if (!issuer) return undefined;
  const clientId = env.ACCORD_OIDC_CLIENT_ID;
  if (!clientId) throw new ConfigError('ACCORD_OIDC_ISSUER is set: ACCORD_OIDC_CLIENT_ID must be set too');
  // The API verifies the console's tokens with the issuer's keys, so it must know where they are.
  if (!env.ACCORD_JWKS_URL) {
    throw new ConfigError(
      "ACCORD_OIDC_ISSUER is set: ACCORD_JWKS_URL must be set too (the issuer's jwks_uri, which the API trusts)",
    );
  }
  return { issuer, clientId, scope: env.ACCORD_OIDC_SCOPE || 'openid profile' };
}

/** Standard Webhooks secrets are 24 to 64 random bytes. */
const MIN_WEBHOOK_SECRET_BYTES = 24;

/**
 * The webhook notifier's settings, refused at start when incomplete: without a URL or a secret the first
 * reminder would fail hours later, in a worker log nobody reads.
 */
function webhookSettings(
  env: NodeJS.ProcessEnv,
  kind: NotifierKind,
): Pick<AccordConfig['notify'], 'webhookUrl' | 'webhookSecret' | 'webhookTimeoutMs'> {
  const webhookUrl = httpUrl(env, 'ACCORD_WEBHOOK_URL');
  const webhookSecret = env.ACCORD_WEBHOOK_SECRET || undefined;
  const webhookTimeoutMs = parseDuration(env.ACCORD_WEBHOOK_TIMEOUT || '10s', 'ACCORD_WEBHOOK_TIMEOUT');
  if (kind === 'webhook') {
    if (!webhookUrl)
      throw new ConfigError('ACCORD_NOTIFY=webhook: ACCORD_WEBHOOK_URL must be set (http or https)');
    if (!webhookSecret)
      throw new ConfigError(
        'ACCORD_NOTIFY=webhook: ACCORD_WEBHOOK_SECRET must be set (the Standard Webhooks signing secret, ' +
          'whsec_<base64>, or at least 24 random bytes)',
      );
    const bytes = webhookSecret.startsWith('whsec_')
      ? Buffer.from(webhookSecret.slice('whsec_'.length), 'base64').length
      : Buffer.byteLength(webhookSecret, 'utf8');
    if (bytes < MIN_WEBHOOK_SECRET_BYTES)
      throw new ConfigError(
        `ACCORD_WEBHOOK_SECRET is ${bytes} bytes; at least ${MIN_WEBHOOK_SECRET_BYTES} are needed ` +
          '(e.g. whsec_$(openssl rand -base64 32))',
      );
  }
  return { webhookUrl, webhookSecret, webhookTimeoutMs };
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
      healthPort: env.ACCORD_WORKER_HEALTH_PORT ? tcpPort(env, 'ACCORD_WORKER_HEALTH_PORT') : undefined,
      healthHost: env.ACCORD_WORKER_HEALTH_HOST || '127.0.0.1',
    },
    auth: {
      jwtSecret: env.ACCORD_JWT_SECRET || undefined,
      jwksUrl: httpUrl(env, 'ACCORD_JWKS_URL'),
      issuer: env.ACCORD_JWT_ISSUER || undefined,
      audience: env.ACCORD_JWT_AUDIENCE || undefined,
      maxTokenLifetimeMs: parseDuration(env.ACCORD_MAX_TOKEN_LIFETIME || '24h', 'ACCORD_MAX_TOKEN_LIFETIME'),
    },
    rateLimits: {
      windowMs: parseDuration(env.ACCORD_RATE_LIMIT_WINDOW || '1m', 'ACCORD_RATE_LIMIT_WINDOW'),
      perUser: int(env, 'ACCORD_RATE_LIMIT_PER_USER', 1200),
      perAddress: int(env, 'ACCORD_RATE_LIMIT_PER_ADDRESS', 6000),
    },
    oidc: oidcSettings(env),
    web: { dir: path.resolve(env.ACCORD_WEB_DIR || path.join(projectRoot(), 'dist', 'web')) },
    devServer: {
      port: int(env, 'ACCORD_TEMPORAL_PORT', 7233),
      uiPort: int(env, 'ACCORD_TEMPORAL_UI_PORT', 8233),
      cliPath: env.ACCORD_TEMPORAL_CLI || undefined,
      cliVersion: env.ACCORD_TEMPORAL_CLI_VERSION || '1.5.1',
    },
    cluster: {
      serverVersion: env.ACCORD_TEMPORAL_SERVER_VERSION || '1.29.1',
      postgresVersion: env.ACCORD_POSTGRES_VERSION || '15',
      postgresPort: int(env, 'ACCORD_POSTGRES_PORT', 5433),
      database: identifier(env, 'ACCORD_CLUSTER_DATABASE', 'accord_temporal'),
      workers: int(env, 'ACCORD_CLUSTER_WORKERS', 2),
      apis: int(env, 'ACCORD_CLUSTER_APIS', 2),
      tls: bool(env, 'ACCORD_CLUSTER_TLS', false),
    },
    payloadKeys: loadPayloadKeys(env),
    codec: {
      port: int(env, 'ACCORD_CODEC_PORT', 8888),
      host: env.ACCORD_CODEC_HOST || '127.0.0.1',
      token: env.ACCORD_CODEC_TOKEN || undefined,
      corsOrigins: (env.ACCORD_CODEC_CORS_ORIGINS ?? 'http://localhost:8080,http://127.0.0.1:8233')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    dayLengthMs: env.ACCORD_DAY_LENGTH
      ? parseDuration(env.ACCORD_DAY_LENGTH, 'ACCORD_DAY_LENGTH')
      : 86_400_000,
    notify: {
      kind: notifyKind,
      ...webhookSettings(env, notifyKind),
      smtpUrl: env.ACCORD_SMTP_URL || undefined,
      from: env.ACCORD_MAIL_FROM || 'accord@localhost',
    },
    sittingCalendarFile: env.ACCORD_SITTING_CALENDAR || undefined,
    logLevel: env.LOG_LEVEL || 'info',
    limits: {
      maxRounds: positive(env, 'ACCORD_MAX_ROUNDS', 20),
      maxDelegationsPerPerson: positive(env, 'ACCORD_MAX_DELEGATIONS', 20),
      maxDelegationsReceived: positive(env, 'ACCORD_MAX_DELEGATIONS_RECEIVED', 100),
    },
  };
}
