/**
 * Finds Temporal's own server and SQL tool for the PostgreSQL cluster (`npm run start:cluster`): a
 * per-version build cached outside the clone, built with `go install` the first time (about two minutes),
 * with the server module's PostgreSQL schema files copied beside the binaries so later runs need neither
 * Go nor the Go module cache.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findOnPath, isExecutable } from '../cli-resolver';
import { goEnv, goInstall } from '../go-install';

export const DEFAULT_SERVER_VERSION = '1.29.1';
const SERVER_MODULE = 'go.temporal.io/server';

export interface ResolvedServer {
  version: string;
  /** `temporal-server` (go.temporal.io/server/cmd/server). */
  server: string;
  /** `temporal-sql-tool` (go.temporal.io/server/cmd/tools/sql). */
  sqlTool: string;
  /** schema/postgresql/v12 of the server module: temporal/ and visibility/, each with versioned/. */
  postgresSchemaDir: string;
}

/** ~/.cache/accord/temporal-server/<version> (XDG_CACHE_HOME respected). */
export function serverCacheDir(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'accord', 'temporal-server', version);
}

export function cachedServer(version: string, env: NodeJS.ProcessEnv = process.env): ResolvedServer {
  const dir = serverCacheDir(version, env);
  return {
    version,
    server: path.join(dir, 'server'),
    sqlTool: path.join(dir, 'sql'),
    postgresSchemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
  };
}

function isComplete(s: ResolvedServer): boolean {
  return (
    isExecutable(s.server) &&
    isExecutable(s.sqlTool) &&
    fs.existsSync(path.join(s.postgresSchemaDir, 'temporal', 'versioned'))
  );
}

export async function resolveTemporalServer(
  options: {
    version?: string;
    env?: NodeJS.ProcessEnv;
    log?: (line: string) => void;
    signal?: AbortSignal;
  } = {},
): Promise<ResolvedServer> {
  const env = options.env ?? process.env;
  const version = options.version ?? DEFAULT_SERVER_VERSION;
  const log = options.log ?? ((line: string) => process.stderr.write(`[temporal-server] ${line}\n`));
  const wanted = cachedServer(version, env);
  if (isComplete(wanted)) return wanted;

  const go = findOnPath('go', env);
  if (!go) {
    throw new Error(
      `The Temporal server ${version} is not in ${serverCacheDir(version, env)} and Go is not installed to build it. ` +
        'Install Go (https://go.dev/dl/) and run again.',
    );
  }
  const gobin = serverCacheDir(version, env);
  if (!isExecutable(wanted.server) || !isExecutable(wanted.sqlTool)) {
    log(
      `building the Temporal server ${version} and its SQL tool with Go into ${gobin} (about 2 minutes, once)`,
    );
    await goInstall({
      go,
      packages: [`${SERVER_MODULE}/cmd/server@v${version}`, `${SERVER_MODULE}/cmd/tools/sql@v${version}`],
      gobin,
      env,
      log,
      signal: options.signal,
    });
  }
  // The schema files ship in the module source, which `go install` put in the module cache.
  const modCache = await goEnv(go, 'GOMODCACHE', env);
  const moduleSchema =
    modCache && path.join(modCache, `${SERVER_MODULE}@v${version}`, 'schema', 'postgresql');
  if (!moduleSchema || !fs.existsSync(moduleSchema)) {
    throw new Error(`the schema files of ${SERVER_MODULE}@v${version} are not in the Go module cache`);
  }
  const target = path.dirname(wanted.postgresSchemaDir);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(moduleSchema, target, { recursive: true });
  makeWritable(target);
  if (!isComplete(wanted)) throw new Error(`the build finished but ${gobin} is incomplete`);
  return wanted;
}

/** The module cache is read-only; the copy need not be (so a later rebuild can replace it). */
function makeWritable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeWritable(p);
    else fs.chmodSync(p, 0o644);
  }
}
