/**
 * The API as its own process (apps/api/src/main.ts run from source through swc-register.js), with an
 * environment free of the harness's Accord/Temporal settings plus what the test gives. For tests that need
 * the API configured differently from the shared one (sign-in modes, production, a private namespace).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { freePort } from '../../../libs/temporal/src/free-port';
import { waitFor } from '../../support/wait';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SWC_REGISTER = path.join(__dirname, 'swc-register.js');

/** The environment without the harness's Accord/Temporal settings, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env))
    if (!/^(ACCORD_|TEMPORAL_)/.test(k) && k !== 'PORT') env[k] = v;
  for (const [k, v] of Object.entries({ LOG_LEVEL: 'warn', ...extra })) {
    if (v === '') delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Output so far (for failure messages). */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts the API on a free loopback port and waits until /health answers: 200 with `healthy` (Temporal
 * reachable), any status otherwise (Temporal may be absent on purpose). Fails with the API's output when it
 * exits first. An empty string in `env` removes a setting.
 */
export async function startApiProcess(
  env: Record<string, string>,
  options: { healthy?: boolean } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', SWC_REGISTER, 'apps/api/src/main.ts'], {
    cwd: ROOT,
    env: cleanEnv({
      ACCORD_API_HOST: '127.0.0.1',
      PORT: String(port),
      // The run's update key, so that the worker accepts this API's Updates.
      ACCORD_UPDATE_KEYS: process.env.ACCORD_UPDATE_KEYS ?? '',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitFor(
      `the API at ${url}`,
      async () => {
        if (child.exitCode !== null)
          throw new Error(`API exited with ${child.exitCode}: ${out.slice(-2000)}`);
        const res = await fetch(`${url}/health`).catch(() => undefined);
        return options.healthy ? res?.status === 200 : Boolean(res);
      },
      60_000,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, child, output: () => out, stop };
}
