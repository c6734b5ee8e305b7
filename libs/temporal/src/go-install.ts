/**
 * `go install` of pinned Go packages into a cache folder outside the clone, with go's output and a
 * heartbeat streamed so a build of several minutes is never silent. Used for the Temporal CLI and for
 * the Temporal server and its SQL tool.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

export interface GoInstallOptions {
  go: string;
  /** `module/path/cmd/x@vX.Y.Z`, all from one module version. */
  packages: string[];
  gobin: string;
  ldflags?: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Aborting stops the build (e.g. Ctrl-C in `npm start`). */
  signal?: AbortSignal;
}

export async function goInstall(options: GoInstallOptions): Promise<void> {
  const { go, gobin, env, log, signal } = options;
  fs.mkdirSync(gobin, { recursive: true });
  const args = [
    'install',
    '-v',
    ...(options.ldflags ? ['-ldflags', options.ldflags] : []),
    ...options.packages,
  ];
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, args, {
      env: { ...env, CGO_ENABLED: '0', GOBIN: gobin },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal,
    });
    // Never leave a build running behind an exiting process.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.removeListener('exit', killOnExit));
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(`go: ${line.trim()}`);
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    const timer = setInterval(
      () => log(`still building… ${Math.round((Date.now() - started) / 1000)}s`),
      15_000,
    );
    child.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
    child.on('exit', (code, sig) => {
      clearInterval(timer);
      if (code === 0) resolve();
      else reject(new Error(`go install exited with ${sig ?? code}`));
    });
  });
  log(`built ${options.packages.join(', ')} in ${Math.round((Date.now() - started) / 1000)}s`);
}

/** `go env <name>` (e.g. GOMODCACHE), or undefined when go cannot answer. */
export function goEnv(go: string, name: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(go, ['env', name], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', () => resolve(undefined));
    child.on('exit', (code) => resolve(code === 0 && out.trim() ? out.trim() : undefined));
  });
}
