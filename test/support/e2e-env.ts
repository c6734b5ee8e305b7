/** Reads what test/setup/global-setup.ts wrote: where the shared server, worker and API are. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface E2eEnv {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  apiUrl: string;
  jwtSecret: string;
  dataDir: string;
  /** The resolved Temporal CLI (for tests that start their own server or `start.js`). */
  temporalCli: string;
}

export const E2E_ENV_FILE = path.join(__dirname, '..', '.tmp', 'e2e-env.json');
/** Set by the global setup for its own jest run, so concurrent runs in one tree never read each other's file. */
export const E2E_ENV_VAR = 'ACCORD_E2E_ENV';

let cached: E2eEnv | undefined;

export function e2eEnv(): E2eEnv {
  if (!cached && process.env[E2E_ENV_VAR]) cached = JSON.parse(process.env[E2E_ENV_VAR]!) as E2eEnv;
  if (!cached) {
    if (!fs.existsSync(E2E_ENV_FILE)) {
      throw new Error(`${E2E_ENV_FILE} is missing: run e2e tests through jest (--selectProjects e2e)`);
    }
    cached = JSON.parse(fs.readFileSync(E2E_ENV_FILE, 'utf8')) as E2eEnv;
  }
  return cached;
}
