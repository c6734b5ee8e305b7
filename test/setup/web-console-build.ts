/**
 * The e2e API serves the built web console (dist/web). `npm test` builds it first (pretest → npm run
 * build); a direct `npx jest --selectProjects e2e` gets it built here when it is missing or older than a
 * source file under apps/web, so the browser tests never drive a stale console.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Returns what it did, for the setup's timing line. */
export function ensureWebConsoleBuilt(webDir: string): string {
  const sources = path.join(ROOT, 'apps', 'web');
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts ?? {};
  if (!fs.existsSync(sources) || !scripts['build:web']) return 'no web console in this tree';
  const index = path.join(webDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (builtAt > newestSource(sources)) return `up to date (${webDir})`;
  const result = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`npm run build:web failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return `built into ${webDir}`;
}
