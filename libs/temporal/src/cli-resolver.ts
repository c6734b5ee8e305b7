/**
 * Finds the Temporal CLI (it contains `temporal server start-dev`) without a manual step:
 * ACCORD_TEMPORAL_CLI → `temporal` on PATH → a per-version build cached outside the clone →
 * `go install` into that cache → the SDK's own download → one clear error saying what to do.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { goInstall } from './go-install';

export const DEFAULT_CLI_VERSION = '1.5.1';

export type CliSource = 'env' | 'path' | 'cache' | 'go-install' | 'sdk-download';

export interface ResolvedCli {
  path: string;
  source: CliSource;
  version: string;
}

export interface ResolveCliOptions {
  version?: string;
  env?: NodeJS.ProcessEnv;
  /** Progress lines (go install takes minutes the first time). Default: stderr. */
  log?: (line: string) => void;
  /** Skip the network fallbacks (unit tests). */
  allowBuild?: boolean;
  allowDownload?: boolean;
  /** Aborting stops a running `go install` (e.g. Ctrl-C in `npm start`). */
  signal?: AbortSignal;
}

export class TemporalCliNotFoundError extends Error {}

export function isExecutable(file: string): boolean {
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const exeName = process.platform === 'win32' ? 'temporal.exe' : 'temporal';

/** ~/.cache/accord/temporal-cli (XDG_CACHE_HOME respected). */
export function cliCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'accord', 'temporal-cli');
}

export function cachedCliPath(version: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.join(cliCacheRoot(env), version, exeName);
}

export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** The resolution steps that need no build or network, in order. */
export function resolveLocalCli(
  version: string,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedCli | undefined {
  const explicit = env.ACCORD_TEMPORAL_CLI;
  if (explicit) {
    const p = path.resolve(explicit);
    if (!isExecutable(p)) {
      throw new TemporalCliNotFoundError(
        `ACCORD_TEMPORAL_CLI is set to "${explicit}", which is not an executable file. ` +
          'Point it at a Temporal CLI binary or unset it.',
      );
    }
    return { path: p, source: 'env', version };
  }
  const onPath = findOnPath(exeName, env);
  if (onPath) return { path: onPath, source: 'path', version };
  const cached = cachedCliPath(version, env);
  if (isExecutable(cached)) return { path: cached, source: 'cache', version };
  return undefined;
}

export async function resolveTemporalCli(options: ResolveCliOptions = {}): Promise<ResolvedCli> {
  const env = options.env ?? process.env;
  const version = options.version ?? env.ACCORD_TEMPORAL_CLI_VERSION ?? DEFAULT_CLI_VERSION;
  const log = options.log ?? ((line: string) => process.stderr.write(`[temporal-cli] ${line}\n`));
  const local = resolveLocalCli(version, env);
  if (local) return local;

  const problems: string[] = [];
  if (options.allowBuild !== false) {
    const go = findOnPath(process.platform === 'win32' ? 'go.exe' : 'go', env);
    if (go) {
      try {
        return {
          path: await goInstallCli(go, version, env, log, options.signal),
          source: 'go-install',
          version,
        };
      } catch (err) {
        if (options.signal?.aborted)
          throw new TemporalCliNotFoundError('Building the Temporal CLI was interrupted');
        problems.push(`go install failed: ${(err as Error).message}`);
      }
    } else {
      problems.push('Go is not installed');
    }
  }
  if (options.allowDownload !== false) {
    try {
      return { path: await sdkDownload(version, env, log), source: 'sdk-download', version };
    } catch (err) {
      problems.push(`download failed: ${(err as Error).message}`);
    }
  }
  throw new TemporalCliNotFoundError(
    `The Temporal CLI ${version} was not found (${problems.join('; ') || 'builds and downloads disabled'}). ` +
      `Install Go (https://go.dev/dl/) so Accord can build it into ${path.dirname(cachedCliPath(version, env))}, ` +
      'put `temporal` on PATH, or set ACCORD_TEMPORAL_CLI to the path of a Temporal CLI binary.',
  );
}

/** Builds the CLI into the cache (a few minutes, once per machine). */
async function goInstallCli(
  go: string,
  version: string,
  env: NodeJS.ProcessEnv,
  log: (l: string) => void,
  signal?: AbortSignal,
) {
  const target = cachedCliPath(version, env);
  const gobin = path.dirname(target);
  log(
    `building the Temporal CLI ${version} with Go into ${gobin} (a few minutes the first time, once per machine)`,
  );
  await goInstall({
    go,
    packages: [`github.com/temporalio/cli/cmd/temporal@v${version}`],
    gobin,
    ldflags: `-X github.com/temporalio/cli/temporalcli.Version=${version}`,
    env,
    log,
    signal,
  });
  if (!isExecutable(target)) throw new Error(`go install finished but ${target} is missing`);
  return target;
}

/** Lets the SDK download its dev-server build, then keeps it in the cache under our name. */
async function sdkDownload(_version: string, env: NodeJS.ProcessEnv, log: (l: string) => void) {
  const downloadDir = path.join(cliCacheRoot(env), 'sdk-download');
  fs.mkdirSync(downloadDir, { recursive: true });
  log('downloading the Temporal CLI through the Temporal SDK');
  // Loaded lazily: only this fallback needs the testing package.
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const testEnv = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'cached-download', downloadDir } },
  });
  await testEnv.teardown();
  const file = fs
    .readdirSync(downloadDir)
    .map((f) => path.join(downloadDir, f))
    .find((f) => path.basename(f).startsWith('temporal') && isExecutable(f));
  if (!file) throw new Error(`the SDK download left no executable in ${downloadDir}`);
  // The SDK picks the build matching its own version, so it stays in its own folder, not under `version`.
  return file;
}
