/**
 * Runs `temporal server start-dev` as a child process persisted to a SQLite file, with its Web UI, and
 * stops it cleanly (SIGTERM, then SIGKILL after a timeout) so no server outlives Accord.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { SEARCH_ATTRIBUTE_REGISTRATIONS } from '../../contracts/src/search-attributes';

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
  ip?: string;
  namespace?: string;
  logLevel?: string;
  /** Where the server's own output goes. Default: inherited stdout/stderr. */
  output?: (line: string) => void;
  startTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  uiUrl: string;
  process: ChildProcess;
  /** Resolves with the exit code when the server stops for any reason. */
  exited: Promise<number | null>;
  stop(timeoutMs?: number): Promise<void>;
}

export function searchAttributeFlags(): string[] {
  return Object.entries(SEARCH_ATTRIBUTE_REGISTRATIONS).flatMap(([name, type]) => [
    '--search-attribute',
    `${name}=${type}`,
  ]);
}

export function canConnect(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const ip = options.ip ?? '127.0.0.1';
  fs.mkdirSync(options.dataDir, { recursive: true });
  if (await canConnect(ip, options.port)) {
    throw new Error(
      `Port ${options.port} on ${ip} is already in use: another Temporal server (or another Accord) is running. ` +
        'Stop it or set ACCORD_TEMPORAL_PORT / ACCORD_TEMPORAL_UI_PORT.',
    );
  }
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.join(options.dataDir, 'temporal.db'),
    '--ip',
    ip,
    '--port',
    String(options.port),
    '--ui-port',
    String(options.uiPort),
    '--namespace',
    options.namespace ?? 'default',
    '--log-level',
    options.logLevel ?? 'warn',
    ...searchAttributeFlags(),
  ];
  const child = spawn(options.cliPath, args, {
    // Own process group: a terminal Ctrl-C reaches the launcher, which stops the server after its clients.
    detached: true,
    stdio: ['ignore', options.output ? 'pipe' : 'inherit', options.output ? 'pipe' : 'inherit'],
  });
  // Its shutdown chatter (dial errors of its own internal workers) is noise once we asked it to stop.
  let stopRequested = false;
  if (options.output) {
    const out = options.output;
    const forward = (chunk: Buffer) => {
      if (stopRequested) return;
      for (const line of chunk.toString().split('\n')) if (line.trim()) out(line);
    };
    child.stdout?.on('data', forward);
    child.stderr?.on('data', forward);
  }
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : null)));
    child.once('error', () => resolve(1));
  });
  let spawnError: Error | undefined;
  child.once('error', (e) => (spawnError = e));

  const stop = async (timeoutMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    stopRequested = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let gone = false;
  void exited.then(() => (gone = true));
  while (!(await canConnect(ip, options.port))) {
    if (gone || spawnError) {
      throw new Error(
        `The Temporal dev server exited during start-up${spawnError ? `: ${spawnError.message}` : ''}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The Temporal dev server did not listen on ${ip}:${options.port} in time`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    address: `${ip}:${options.port}`,
    uiUrl: `http://${ip}:${options.uiPort}`,
    process: child,
    exited,
    stop,
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}
