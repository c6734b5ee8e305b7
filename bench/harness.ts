/**
 * A private Accord stack for one benchmark: a Temporal dev server (the resolved CLI, a temporary SQLite file,
 * free ports), the real worker and the real API in this process, seeded-user tokens, and a teardown that
 * leaves nothing behind. The benchmark definitions are written to a temporary ACCORD_DEFINITIONS_DIR before
 * the definitions registry loads, which is why the API and worker are imported lazily.
 *
 * Which Temporal (`--cluster` or BENCH_CLUSTER, see benchTarget): the dev server by default; with `--cluster`
 * (BENCH_CLUSTER=1) a cluster of the run's own on PostgreSQL, brought up by the code `npm run start:cluster`
 * uses (scripts/cluster.ts: free ports, its own databases and namespace, dropped afterwards; mTLS when
 * ACCORD_CLUSTER_TLS=true); with `--cluster=attach` (BENCH_CLUSTER=attach) the running cluster the TEMPORAL_*
 * settings name (address, namespace, TLS files), e.g. one `npm run start:cluster` started. On a cluster,
 * payloads are encrypted as start:cluster encrypts them (ACCORD_PAYLOAD_KEYS, else a key made for the run).
 * The worker and the API are one of each, on a task queue of the run's own, both in this process; with
 * `workerProcess` the worker runs in a child process (bench/worker-process.ts), as deployed.
 */
import { accordClientInterceptors } from '../libs/temporal/src/update-signing';
import { randomBytes, randomUUID } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { signToken } from '../apps/api/src/auth/sign-token';
import type { AccordWorker } from '../apps/worker/src/worker.factory';
import { loadConfig, type AccordConfig } from '../libs/config/src/accord-config';
import type { ProcessDefinition } from '../libs/contracts/src/definition';
import { getUser, principalOf } from '../libs/directory/src/directory';
import { resolveTemporalCli } from '../libs/temporal/src/cli-resolver';
import { temporalSettings } from '../libs/temporal/src/connection';
import { startDevServer } from '../libs/temporal/src/dev-server';
import { accordDataConverter } from '../libs/temporal/src/encryption/encryption-codec';
import { registerSearchAttributes } from '../libs/temporal/src/search-attributes';
import { freePort } from '../libs/temporal/src/free-port';
import { launchThrowawayCluster } from '../scripts/cluster';
import { RpcCounter, type RpcStats } from './rpc-stats';
import { WORKER_READY } from './worker-process';

export interface Stack {
  client: Client;
  /** Which Temporal the run measured (printed with the stack; say it beside the figures). */
  target: string;
  /** Notifications (reminders, escalations) the worker delivered to the benchmark's webhook sink. */
  notifications(): number;
  /** Every gRPC attempt on the shared connection so far (API, worker's client, baselines), per method. */
  rpcStats(): RpcStats;
  config: AccordConfig;
  apiUrl: string;
  tokenFor(userId: string): string;
  /** fetch against the API with a seeded user's token; throws on a non-2xx answer. */
  api<T = unknown>(userId: string, method: string, urlPath: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export interface StackOptions {
  definitions: ProcessDefinition[];
  /** ACCORD_DAY_LENGTH for the worker (short calendars make deadlines pass within the run). */
  dayLength?: string;
  extraEnv?: Record<string, string>;
  /**
   * The worker in a child process of its own, as deployed, instead of in the API's (the default): the API's
   * requests then share their event loop with no workflow task. Its gRPC calls are not in `rpcStats`.
   */
  workerProcess?: boolean;
}

export function note(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

export type BenchTarget = 'dev-server' | 'cluster' | 'attach';

/** `--cluster` / `--cluster=attach`, else BENCH_CLUSTER (1/true, attach), else the dev server. */
export function benchTarget(argv = process.argv.slice(2), env = process.env): BenchTarget {
  const flag = argv.find((a) => a === '--cluster' || a.startsWith('--cluster='));
  const raw = flag ? (flag.split('=')[1] ?? 'true') : (env.BENCH_CLUSTER ?? '');
  if (raw === '' || raw === '0' || raw === 'false') return 'dev-server';
  if (raw === '1' || raw === 'true') return 'cluster';
  if (raw === 'attach') return 'attach';
  throw new Error(`--cluster / BENCH_CLUSTER must be 1, true or attach (got "${raw}")`);
}

interface Temporal {
  target: string;
  /** TEMPORAL_* (and whatever else) Accord's worker and API need to reach it. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

async function startTemporal(kind: BenchTarget, dir: string): Promise<Temporal> {
  if (kind === 'attach') {
    const { address, namespace } = temporalSettings(process.env);
    return {
      target: `the running cluster at ${address}, namespace ${namespace}`,
      env: {},
      stop: async () => {},
    };
  }
  const payloadKeys = process.env.ACCORD_PAYLOAD_KEYS || `bench:${randomBytes(32).toString('base64')}`;
  if (kind === 'cluster') {
    const cluster = await launchThrowawayCluster({
      prefix: 'accord-bench',
      log: note,
      output: (line) => {
        if (process.env.ACCORD_CLUSTER_LOG) process.stderr.write(`[temporal] ${line}\n`);
      },
    });
    const tls = cluster.clientEnv.TEMPORAL_TLS ? ', mTLS' : '';
    return {
      target: `a cluster: Temporal server on PostgreSQL (${cluster.postgres.kind}) at ${cluster.address}${tls}, encrypted payloads`,
      env: { ...cluster.clientEnv, ACCORD_PAYLOAD_KEYS: payloadKeys },
      stop: () => cluster.dispose(),
    };
  }
  const cli = await resolveTemporalCli();
  const [port, uiPort] = [await freePort(), await freePort()];
  const server = await startDevServer({
    cliPath: cli.path,
    dataDir: path.join(dir, 'temporal'),
    port,
    uiPort,
    logLevel: 'error',
    output: () => undefined,
  });
  return {
    target: `the dev server at ${server.address} (CLI ${cli.source})`,
    env: { TEMPORAL_ADDRESS: server.address, TEMPORAL_NAMESPACE: 'default', ACCORD_TEMPORAL_CLI: cli.path },
    stop: () => server.stop(),
  };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  const defsDir = path.join(dir, 'definitions');
  fs.mkdirSync(defsDir);
  for (const def of options.definitions) {
    fs.writeFileSync(path.join(defsDir, `${def.id}.json`), JSON.stringify(def, null, 2));
  }
  const apiPort = await freePort();
  const kind = benchTarget();
  let server: Temporal;
  try {
    server = await startTemporal(kind, dir);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  // Notifications go to a local webhook sink (counted), not to stdout where the tables are printed.
  let notified = 0;
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      notified++;
      res.writeHead(204).end();
    });
  });
  const sinkPort = await freePort();
  await new Promise<void>((resolve) => sink.listen(sinkPort, '127.0.0.1', resolve));
  const closeSink = () => new Promise<void>((resolve) => sink.close(() => resolve()));
  let connection: Connection | undefined;
  let worker: AccordWorker | undefined;
  let child: ChildProcess | undefined;
  let app: INestApplication | undefined;
  const jwtSecret = randomBytes(32).toString('hex');
  try {
    try {
      Runtime.install({ logger: new DefaultLogger('WARN') });
    } catch {
      // Installed already (run-all runs several benchmarks in one process).
    }
    Object.assign(process.env, {
      ...server.env,
      ACCORD_TASK_QUEUE: `accord-bench-${randomUUID()}`,
      ACCORD_JWT_SECRET: jwtSecret,
      ACCORD_DATA_DIR: path.join(dir, 'data'),
      ACCORD_DEFINITIONS_DIR: defsDir,
      ACCORD_API_HOST: '127.0.0.1',
      ACCORD_NOTIFY: 'webhook',
      ACCORD_WEBHOOK_URL: `http://127.0.0.1:${sinkPort}/notify`,
      ACCORD_WEBHOOK_SECRET: randomBytes(16).toString('hex'),
      // Benchmarks load the engine from one address with a few users: the rate limits would measure themselves.
      ACCORD_RATE_LIMIT_PER_USER: '0',
      ACCORD_RATE_LIMIT_PER_ADDRESS: '0',
      PORT: String(apiPort),
      LOG_LEVEL: process.env.ACCORD_BENCH_LOG_LEVEL ?? 'warn',
      ...(options.dayLength ? { ACCORD_DAY_LENGTH: options.dayLength } : {}),
      ...(options.extraEnv ?? {}),
    });
    if (!options.dayLength) delete process.env.ACCORD_DAY_LENGTH;
    const config = loadConfig(process.env);
    const temporal = temporalSettings(process.env);
    // The SDK's default retry interceptor, then a counter that sees each attempt (bench/rpc-stats.ts).
    const rpc = new RpcCounter();
    connection = await Connection.connect({
      ...(temporal.connectionOptions as Parameters<typeof Connection.connect>[0]),
      interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), rpc.interceptor],
    });
    await registerSearchAttributes(connection, temporal.namespace);
    // Signs Updates as the API's own client does (the worker rejects Updates without the API's proof), and
    // encrypts/decrypts payloads with the worker's keys (none on the dev server).
    const client = new Client({
      connection,
      namespace: temporal.namespace,
      dataConverter: accordDataConverter(config.payloadKeys),
      interceptors: accordClientInterceptors(process.env),
    });
    // Lazy: the definitions registry reads ACCORD_DEFINITIONS_DIR when it first loads.
    const { createWorker } = await import('../apps/worker/src/worker.factory');
    const { createApiApp } = await import('../apps/api/src/app.factory');
    // The catalogue is read once, when libs/definitions first loads: a benchmark that imported it before
    // ACCORD_DEFINITIONS_DIR was set would run its processes as definitions outside the catalogue (each read
    // then fetches the pinned definition from the history), measuring something else.
    const { getDefinition } = await import('../libs/definitions/src');
    const missing = options.definitions.filter((d) => getDefinition(d.id, d.version)?.version !== d.version);
    if (missing.length)
      throw new Error(
        `the definitions catalogue was loaded before the benchmark's definitions were set up (${missing.map((d) => d.id).join(', ')} missing): import the API's modules lazily`,
      );
    if (options.workerProcess) child = await forkWorker();
    else worker = await createWorker({ config, client });
    app = await createApiApp({ config, client });
    await app.listen(apiPort, '127.0.0.1');
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    note(`stack up: Temporal on ${server.target}, API ${apiUrl}, task queue ${config.taskQueue}`);

    const tokens = new Map<string, string>();
    const tokenFor = (userId: string) => {
      let t = tokens.get(userId);
      if (!t) {
        const user = getUser(userId);
        if (!user) throw new Error(`unknown seeded user ${userId}`);
        t = signToken(principalOf(user), jwtSecret, {
          issuer: config.auth.issuer,
          audience: config.auth.audience,
        });
        tokens.set(userId, t);
      }
      return t;
    };
    const api = async <T>(userId: string, method: string, urlPath: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${apiUrl}${urlPath}`, {
        method,
        headers: {
          authorization: `Bearer ${tokenFor(userId)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok)
        throw new HttpError(res.status, `${method} ${urlPath} → ${res.status}: ${text.slice(0, 300)}`);
      return (text ? JSON.parse(text) : undefined) as T;
    };
    const stopApp = app;
    const stopWorker = worker;
    const stopChild = child;
    const stopConnection = connection;
    return {
      client,
      target: server.target,
      notifications: () => notified,
      rpcStats: () => rpc.snapshot(),
      config,
      apiUrl,
      tokenFor,
      api,
      async stop() {
        await stopApp.close().catch((e) => note(`API close: ${(e as Error).message}`));
        await stopWorker?.shutdown().catch((e) => note(`worker shutdown: ${(e as Error).message}`));
        if (stopChild) await stopWorkerProcess(stopChild);
        await stopConnection.close().catch(() => undefined);
        await server.stop();
        await closeSink();
        fs.rmSync(dir, { recursive: true, force: true });
        note('stack down');
      },
    };
  } catch (err) {
    await app?.close().catch(() => undefined);
    await worker?.shutdown().catch(() => undefined);
    if (child) await stopWorkerProcess(child);
    await connection?.close().catch(() => undefined);
    await server.stop();
    await closeSink();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** The worker in a child process with this process's environment (set above); resolves once it runs. */
function forkWorker(): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'worker-process.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) =>
      reject(new Error(`the benchmark's worker process exited (${code}) before it ran`));
    child.once('exit', failed);
    child.once('error', reject);
    child.on('message', (m) => {
      if (m !== WORKER_READY) return;
      child.off('exit', failed);
      resolve(child);
    });
  });
}

/** SIGTERM lets the worker finish its tasks; SIGKILL after 15 s. */
async function stopWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Runs the benchmark body against a fresh stack and always tears the stack down. */
export async function withStack<T>(options: StackOptions, body: (stack: Stack) => Promise<T>): Promise<T> {
  const stack = await startStack(options);
  process.stdout.write(`\n(Temporal: ${stack.target})\n`);
  try {
    return await body(stack);
  } finally {
    await stack.stop();
  }
}
