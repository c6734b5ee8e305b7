/**
 * The e2e API serves the built web console (dist/web). `npm test` builds it first (pretest → npm run
 * build); a direct `npx jest --selectProjects e2e` gets it built here when it is missing or older than one
 * of its inputs — the same rule as `npm start` (scripts/build-if-stale.cjs: apps/web, the files the bundle
 * was made from, the lockfile) — so the browser tests never drive a stale console.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD_IF_STALE = path.join(ROOT, 'scripts', 'build-if-stale.cjs');

/** Returns what it did, for the setup's timing line. */
export function ensureWebConsoleBuilt(webDir: string): string {
  if (!fs.existsSync(path.join(ROOT, 'apps', 'web')) || !fs.existsSync(BUILD_IF_STALE))
    return 'no web console in this tree';
  // ACCORD_WEB_DIR elsewhere: a console built by someone else, served as it is.
  if (path.resolve(webDir) !== path.join(ROOT, 'dist', 'web')) return `served as it is (${webDir})`;
  const result = spawnSync(process.execPath, [BUILD_IF_STALE, '--only', 'web'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(
      `building the web console failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  const said = result.stdout
    .split('\n')
    .filter((l) => l.startsWith('[build] web: '))
    .map((l) => l.slice('[build] web: '.length));
  return `${said.join('; ')} (${webDir})`;
}
