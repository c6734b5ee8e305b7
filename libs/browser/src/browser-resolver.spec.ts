import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BrowserNotFoundError,
  findInPlaywrightCache,
  playwrightCacheRoot,
  resolveBrowser,
  resolveLocalBrowser,
  type CommandRunner,
} from './browser-resolver';

function fakeExecutable(file: string, mode = 0o755): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\nexit 0\n');
  fs.chmodSync(file, mode);
  return file;
}

describe('Chromium resolution order', () => {
  let root: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'browser-resolver-'));
    env = {
      HOME: path.join(root, 'home'),
      XDG_CACHE_HOME: path.join(root, 'cache'),
      PATH: path.join(root, 'bin'),
    };
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("finds Playwright's cache under XDG_CACHE_HOME or PLAYWRIGHT_BROWSERS_PATH", () => {
    expect(playwrightCacheRoot(env)).toBe(path.join(root, 'cache', 'ms-playwright'));
    expect(playwrightCacheRoot({ HOME: '/home/x' })).toBe('/home/x/.cache/ms-playwright');
    expect(playwrightCacheRoot({ ...env, PLAYWRIGHT_BROWSERS_PATH: '/opt/pw' })).toBe('/opt/pw');
  });

  it('takes the newest Chromium revision in the cache', () => {
    const cache = playwrightCacheRoot(env);
    expect(findInPlaywrightCache(env)).toBeUndefined();
    fakeExecutable(path.join(cache, 'chromium-1100', 'chrome-linux', 'chrome'));
    const newest = fakeExecutable(path.join(cache, 'chromium-1255', 'chrome-linux64', 'chrome'));
    fakeExecutable(path.join(cache, 'chromium_headless_shell-1300', 'chrome-linux', 'headless_shell'));
    expect(findInPlaywrightCache(env)).toBe(newest);
  });

  it('prefers ACCORD_CHROMIUM, then chromium or chromium-browser on PATH, then the cache', () => {
    const cached = fakeExecutable(
      path.join(playwrightCacheRoot(env), 'chromium-1255', 'chrome-linux64', 'chrome'),
    );
    expect(resolveLocalBrowser(env)).toEqual({ path: cached, source: 'playwright-cache' });

    const browser = fakeExecutable(path.join(root, 'bin', 'chromium-browser'));
    expect(resolveLocalBrowser(env)).toEqual({ path: browser, source: 'path' });
    const chromium = fakeExecutable(path.join(root, 'bin', 'chromium'));
    expect(resolveLocalBrowser(env)).toEqual({ path: chromium, source: 'path' });

    const explicit = fakeExecutable(path.join(root, 'custom', 'my-chrome'));
    expect(resolveLocalBrowser({ ...env, ACCORD_CHROMIUM: explicit })).toEqual({
      path: explicit,
      source: 'env',
    });
  });

  it('rejects an ACCORD_CHROMIUM that is missing or not executable, and ignores non-executables on PATH', () => {
    expect(() => resolveLocalBrowser({ ...env, ACCORD_CHROMIUM: path.join(root, 'nope') })).toThrow(
      /ACCORD_CHROMIUM .* not an executable/,
    );
    const plain = fakeExecutable(path.join(root, 'plain'), 0o644);
    expect(() => resolveLocalBrowser({ ...env, ACCORD_CHROMIUM: plain })).toThrow(BrowserNotFoundError);
    fakeExecutable(path.join(root, 'bin', 'chromium'), 0o644);
    expect(resolveLocalBrowser(env)).toBeUndefined();
  });

  it('as root on Debian installs chromium and the CJK fonts with apt-get, updating the lists when needed', async () => {
    const calls: string[] = [];
    const run: CommandRunner = async (command, args, log) => {
      calls.push(`${command} ${args.join(' ')}`);
      if (args[0] === 'update') return 0;
      if (calls.length === 1) {
        log('E: Unable to locate package chromium');
        return 100;
      }
      fakeExecutable(path.join(root, 'bin', 'chromium'));
      return 0;
    };
    const lines: string[] = [];
    const resolved = await resolveBrowser({
      env,
      run,
      isRoot: () => true,
      isDebian: () => true,
      allowDownload: false,
      log: (l) => lines.push(l),
    });
    expect(resolved).toEqual({ path: path.join(root, 'bin', 'chromium'), source: 'apt' });
    expect(calls).toEqual([
      'apt-get install -y chromium fonts-noto-cjk',
      'apt-get update',
      'apt-get install -y chromium fonts-noto-cjk',
    ]);
    expect(lines.join('\n')).toMatch(/apt-get: E: Unable to locate package chromium/);
  });

  it("falls back to Playwright's download when apt-get is not possible", async () => {
    const calls: string[][] = [];
    const run: CommandRunner = async (command, args) => {
      calls.push([command, ...args]);
      fakeExecutable(path.join(playwrightCacheRoot(env), 'chromium-1255', 'chrome-linux64', 'chrome'));
      return 0;
    };
    const resolved = await resolveBrowser({ env, run, isRoot: () => false, log: () => {} });
    expect(resolved.source).toBe('playwright-download');
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe(process.execPath);
    expect(calls[0]!.slice(-2)).toEqual(['install', 'chromium']);
    expect(calls[0]![1]).toMatch(/playwright-core[/\\]cli\.js$/);
  });

  it('fails with one error that says what to do when nothing works', async () => {
    const run: CommandRunner = async () => 1;
    await expect(
      resolveBrowser({ env, run, isRoot: () => true, isDebian: () => true, log: () => {} }),
    ).rejects.toThrow(
      /apt-get install failed; the download failed.*apt-get install chromium.*ACCORD_CHROMIUM/s,
    );
    await expect(
      resolveBrowser({ env, isRoot: () => false, allowDownload: false, log: () => {} }),
    ).rejects.toThrow(/not root on Debian/);
  });
});
