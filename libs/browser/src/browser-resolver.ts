/**
 * Finds a Chromium for the browser tests and benchmarks without a manual step, in the order the Temporal
 * CLI is found (libs/temporal/src/cli-resolver.ts): ACCORD_CHROMIUM → `chromium` / `chromium-browser` on
 * PATH → Playwright's own browser cache → as root on Debian, `apt-get install -y chromium fonts-noto-cjk`
 * → Playwright's download (machines with internet) → one clear error saying what to do.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findOnPath, isExecutable } from '../../temporal/src/cli-resolver';

export type BrowserSource = 'env' | 'path' | 'playwright-cache' | 'apt' | 'playwright-download';

export interface ResolvedBrowser {
  path: string;
  source: BrowserSource;
}

export class BrowserNotFoundError extends Error {}

/** Runs a command, streaming its output to `log`; resolves with the exit code. */
export type CommandRunner = (command: string, args: string[], log: (line: string) => void) => Promise<number>;

export interface ResolveBrowserOptions {
  env?: NodeJS.ProcessEnv;
  /** Progress lines (an apt-get install or a download takes a minute). Default: stderr. */
  log?: (line: string) => void;
  /** Skip the installing fallbacks (unit tests). */
  allowApt?: boolean;
  allowDownload?: boolean;
  /** Seams for unit tests. */
  isRoot?: () => boolean;
  isDebian?: () => boolean;
  run?: CommandRunner;
}

export const PATH_NAMES = ['chromium', 'chromium-browser'];

/** Playwright's cache: PLAYWRIGHT_BROWSERS_PATH, else ~/.cache/ms-playwright (XDG_CACHE_HOME respected). */
export function playwrightCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0')
    return env.PLAYWRIGHT_BROWSERS_PATH;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'ms-playwright');
}

/** The newest Chromium in Playwright's cache (chromium-<revision>/chrome-linux{,64}/chrome), if any. */
export function findInPlaywrightCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const root = playwrightCacheRoot(env);
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return undefined;
  }
  const revisions = entries
    .map((name) => /^chromium-(\d+)$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(b[1]) - Number(a[1]));
  for (const m of revisions) {
    for (const dir of ['chrome-linux64', 'chrome-linux']) {
      const candidate = path.join(root, m[0], dir, 'chrome');
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The resolution steps that install nothing, in order. */
export function resolveLocalBrowser(env: NodeJS.ProcessEnv = process.env): ResolvedBrowser | undefined {
  const explicit = env.ACCORD_CHROMIUM;
  if (explicit) {
    const p = path.resolve(explicit);
    if (!isExecutable(p)) {
      throw new BrowserNotFoundError(
        `ACCORD_CHROMIUM is set to "${explicit}", which is not an executable file. ` +
          'Point it at a Chromium or Chrome binary or unset it.',
      );
    }
    return { path: p, source: 'env' };
  }
  for (const name of PATH_NAMES) {
    const onPath = findOnPath(name, env);
    if (onPath) return { path: onPath, source: 'path' };
  }
  const cached = findInPlaywrightCache(env);
  if (cached) return { path: cached, source: 'playwright-cache' };
  return undefined;
}

const defaultRun: CommandRunner = (command, args, log) =>
  new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) log(line.trim());
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', (err) => {
      log(`${command}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });

const runningAsRoot = () => process.getuid?.() === 0;
const onDebian = () => fs.existsSync('/etc/debian_version');

export async function resolveBrowser(options: ResolveBrowserOptions = {}): Promise<ResolvedBrowser> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => process.stderr.write(`[chromium] ${line}\n`));
  const run = options.run ?? defaultRun;
  const local = resolveLocalBrowser(env);
  if (local) return local;

  const problems: string[] = [];
  if (options.allowApt !== false) {
    if ((options.isRoot ?? runningAsRoot)() && (options.isDebian ?? onDebian)()) {
      log("installing Debian's chromium and fonts-noto-cjk with apt-get (once per machine)");
      const apt = (args: string[]) => run('apt-get', args, (l) => log(`apt-get: ${l}`));
      // A fresh machine has no package lists yet: update once and try again.
      const installed =
        (await apt(['install', '-y', 'chromium', 'fonts-noto-cjk'])) === 0 ||
        ((await apt(['update'])) === 0 && (await apt(['install', '-y', 'chromium', 'fonts-noto-cjk'])) === 0);
      const found = installed ? resolveLocalBrowser(env) : undefined;
      if (found) return { path: found.path, source: 'apt' };
      problems.push(
        installed ? 'apt-get installed chromium but it is not on PATH' : 'apt-get install failed',
      );
    } else {
      problems.push('not root on Debian, so no apt-get install');
    }
  }
  if (options.allowDownload !== false) {
    log("downloading Playwright's Chromium (machines with internet)");
    const cli = path.join(path.dirname(require.resolve('playwright-core/package.json')), 'cli.js');
    const code = await run(process.execPath, [cli, 'install', 'chromium'], (l) => log(`playwright: ${l}`));
    const found = code === 0 ? findInPlaywrightCache(env) : undefined;
    if (found) return { path: found, source: 'playwright-download' };
    problems.push(code === 0 ? 'the download left no browser in the cache' : 'the download failed');
  }
  throw new BrowserNotFoundError(
    `No Chromium was found (${problems.join('; ') || 'installs disabled'}). ` +
      'Install one (Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`), put `chromium` on PATH, ' +
      `run \`npx playwright-core install chromium\` (into ${playwrightCacheRoot(env)}), ` +
      'or set ACCORD_CHROMIUM to the path of a Chromium or Chrome binary.',
  );
}
