/**
 * Runs Accord's parts as child processes: prefixes their output, stops them in order (children
 * before the Temporal server), and reports the first one that dies on its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Part {
  name: string;
  process: ChildProcess;
  /** Exit code (128+n for a signal) once the process has ended. */
  exited: Promise<number>;
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? (signal ? 128 + (SIGNALS[signal] ?? 1) : 1);
}

export function prefixLines(name: string, write: (s: string) => void): (chunk: Buffer) => void {
  let rest = '';
  return (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) write(`[${name}] ${line}\n`);
  };
}

export function spawnPart(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Part {
  // Own process group: a terminal Ctrl-C reaches only this supervisor, which then stops the parts in order.
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on(
    'data',
    prefixLines(name, (s) => process.stdout.write(s)),
  );
  child.stderr?.on(
    'data',
    prefixLines(name, (s) => process.stderr.write(s)),
  );
  const exited = new Promise<number>((resolve) => {
    child.once('exit', (code, signal) => resolve(exitCodeOf(code, signal)));
    child.once('error', (err) => {
      process.stderr.write(`[${name}] could not start: ${err.message}\n`);
      resolve(1);
    });
  });
  return { name, process: child, exited };
}

export function isRunning(p: ChildProcess): boolean {
  return p.exitCode === null && p.signalCode === null && p.pid !== undefined;
}

/** SIGTERM, then SIGKILL after `timeoutMs`. */
export async function stopPart(part: Pick<Part, 'process' | 'exited'>, timeoutMs = 10_000): Promise<void> {
  if (!isRunning(part.process)) return;
  part.process.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (isRunning(part.process)) part.process.kill('SIGKILL');
  }, timeoutMs);
  await part.exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers with a status `accept` takes (default: anything but a 5xx). */
export async function waitForHttp(
  url: string,
  timeoutMs: number,
  accept: (status: number) => boolean = (status) => status < 500,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (accept((await fetch(url)).status)) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}
