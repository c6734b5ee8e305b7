/**
 * A whole Accord on loopback that faults can be injected into: its own Temporal dev server (persisted to a
 * SQLite file, so it can be stopped and started again on the same ports), one worker process and one API
 * process from dist/, and HTTP clients that retry the same request (same requestId) through network
 * errors, 5xx and 429, as a browser or an integration would. Used by the fault suite (`npm run
 * test:faults`, test/faults/) and the soak (`npm run soak`, bench/soak.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { signToken } from '../../apps/api/src/auth/sign-token';
import type { ProcessDefinition } from '../../libs/contracts/src/definition';
import type { Principal } from '../../libs/contracts/src/principal';
import { resolveTemporalCli } from '../../libs/temporal/src/cli-resolver';
import { startDevServer, type DevServer } from '../../libs/temporal/src/dev-server';
import { freePort } from '../../libs/temporal/src/free-port';

/** dist/ of the clone, whether this runs from source (jest) or from dist/ itself. */
function distDir(): string {
  for (let dir = __dirname; path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist');
  }
  throw new Error(`no package.json above ${__dirname}`);
}
const DIST = distDir();

export interface Child {
  name: string;
  process: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

export interface StackOptions {
  /** Definitions served by the API (written to its definitions folder). */
  definitions: ProcessDefinition[];
  log?: (line: string) => void;
}

export interface HttpResult {
  status: number;
  body: Record<string, unknown>;
  /** Attempts it took (1 = answered the first time). */
  attempts: number;
}

export class FaultStack {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-faults-'));
  private readonly secret = randomBytes(32).toString('hex');
  private server?: DevServer;
  private worker?: Child;
  private api?: Child;
  private ports!: { temporal: number; ui: number; api: number };
  private stopping = false;
  /** Worker exits that nobody asked for (the stack restarts it, as an orchestrator would). */
  readonly unexpectedWorkerExits: string[] = [];
  readonly log: (line: string) => void;

  constructor(private readonly options: StackOptions) {
    this.log = options.log ?? ((line) => process.stdout.write(`[faults] ${line}\n`));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.ports.api}`;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.ports.temporal}`;
  }

  /** Environment of the worker and API processes. */
  env(): NodeJS.ProcessEnv {
    const defs = path.join(this.dir, 'definitions');
    return {
      ...process.env,
      NODE_ENV: 'development',
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_NAMESPACE: 'default',
      ACCORD_TASK_QUEUE: 'faults',
      ACCORD_DATA_DIR: path.join(this.dir, 'data'),
      ACCORD_DEFINITIONS_DIR: defs,
      ACCORD_JWT_SECRET: this.secret,
      ACCORD_UPDATE_KEYS: process.env.ACCORD_UPDATE_KEYS || `faults:${randomBytes(32).toString('base64')}`,
      ACCORD_API_HOST: '127.0.0.1',
      PORT: String(this.ports.api),
      ACCORD_DAY_LENGTH: '1s',
      LOG_LEVEL: process.env.ACCORD_FAULTS_LOG_LEVEL ?? 'warn',
    };
  }

  async start(): Promise<void> {
    this.ports = { temporal: await freePort(), ui: await freePort(), api: await freePort() };
    const defs = path.join(this.dir, 'definitions');
    fs.mkdirSync(defs, { recursive: true });
    for (const d of this.options.definitions)
      fs.writeFileSync(path.join(defs, `${d.id}.json`), JSON.stringify(d));
    // Fixed for the stack's life: a restarted process signs and checks Updates with the same key.
    this.fixedEnv = this.env();
    await this.startTemporal();
    await Promise.all([this.startWorker(), this.startApi()]);
  }

  private fixedEnv?: NodeJS.ProcessEnv;

  private childEnv(): NodeJS.ProcessEnv {
    return this.fixedEnv!;
  }

  async startTemporal(): Promise<void> {
    const cli = await resolveTemporalCli();
    this.server = await startDevServer({
      cliPath: cli.path,
      dataDir: path.join(this.dir, 'temporal'),
      port: this.ports.temporal,
      uiPort: this.ports.ui,
      output: () => undefined,
    });
  }

  /** SIGTERM to the dev server, `downMs` without it, then the same server on the same file and ports. */
  async restartTemporal(downMs: number): Promise<void> {
    const t = Date.now();
    await this.server!.stop();
    await sleep(downMs);
    await this.startTemporal();
    this.log(`Temporal dev server stopped and started again (${Date.now() - t} ms down)`);
  }

  private spawn(name: string, script: string, extraEnv: NodeJS.ProcessEnv = {}): Child {
    const child = spawn(process.execPath, [path.join(DIST, script)], {
      env: { ...this.childEnv(), ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const keep = (d: Buffer) => (out = (out + d.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    return { name, process: child, exited, output: () => out };
  }

  /** Starts the worker and waits until it polls (it bundles the workflow code first: seconds). */
  async startWorker(): Promise<Child> {
    // At info, it says when it polls (its readiness) and little else.
    const w = this.spawn('worker', 'apps/worker/src/main.js', { LOG_LEVEL: 'info' });
    this.worker = w;
    void w.exited.then(({ code, signal }) => {
      if (this.worker !== w || this.stopping || signal === 'SIGKILL') return;
      this.unexpectedWorkerExits.push(`code ${code} signal ${signal}: ${w.output().slice(-1500)}`);
      this.log(`worker exited by itself (code ${code}, signal ${signal}); starting another`);
      void this.startWorker();
    });
    await until(
      'worker polling',
      () => w.output().includes('polling task queue'),
      180_000,
      () => w.output(),
    );
    return w;
  }

  async killWorker(): Promise<void> {
    const w = this.worker!;
    w.process.kill('SIGKILL');
    await w.exited;
  }

  async startApi(): Promise<Child> {
    const a = this.spawn('api', 'apps/api/src/main.js');
    this.api = a;
    await until(
      'API healthy',
      async () => (await fetch(`${this.apiUrl}/health`).catch(() => undefined))?.status === 200,
      120_000,
      () => a.output(),
    );
    return a;
  }

  /** Kills the API with `signal` and starts another on the same port. */
  async restartApi(signal: NodeJS.Signals): Promise<void> {
    const t = Date.now();
    this.api!.process.kill(signal);
    await this.api!.exited;
    await this.startApi();
    this.log(`API ${signal} and started again (${Date.now() - t} ms)`);
  }

  pids(): { worker?: number; api?: number; temporal?: number } {
    return {
      worker: this.worker?.process.pid,
      api: this.api?.process.pid,
      temporal: this.server?.process.pid,
    };
  }

  token(principal: Principal): string {
    return signToken(principal, this.secret);
  }

  /**
   * One request, retried with the same body through connection errors, 5xx and 429 (after Retry-After)
   * until it gets another answer or `deadlineMs` passes.
   */
  async request(
    method: string,
    urlPath: string,
    principal: Principal,
    body?: unknown,
    deadlineMs = 180_000,
  ): Promise<HttpResult> {
    const until = Date.now() + deadlineMs;
    let last = '';
    for (let attempts = 1; ; attempts++) {
      try {
        const res = await fetch(`${this.apiUrl}/api/v1${urlPath}`, {
          method,
          headers: {
            authorization: `Bearer ${this.token(principal)}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const json = (text ? safeJson(text) : {}) as Record<string, unknown>;
        if (res.status < 500 && res.status !== 429) return { status: res.status, body: json, attempts };
        last = `${res.status} ${text.slice(0, 300)}`;
        if (res.status === 429) await sleep(1000 * Number(res.headers.get('retry-after') ?? 1));
      } catch (err) {
        last = String((err as Error).cause ?? err);
      }
      if (Date.now() > until)
        throw new Error(`${method} ${urlPath}: no answer in ${deadlineMs} ms (${last})`);
      await sleep(200 + Math.random() * 300);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const c of [this.api, this.worker]) {
      if (c && c.process.exitCode === null && c.process.signalCode === null) {
        c.process.kill('SIGTERM');
        const t = setTimeout(() => c.process.kill('SIGKILL'), 15_000);
        await c.exited;
        clearTimeout(t);
      }
    }
    await this.server?.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(
  what: string,
  probe: () => boolean | Promise<boolean>,
  timeoutMs: number,
  context: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${context().slice(-3000)}`);
    await sleep(200);
  }
}
