#!/usr/bin/env node
/**
 * `npm start`'s build (prestart): each part is rebuilt only when one of its inputs is newer than its output,
 * so a warm start costs a few file stats instead of a TypeScript compile and a vite build.
 *
 * - server (tsc -p tsconfig.build.json, incremental): the TypeScript under apps (but the web console),
 *   workflows, activities, libs, scripts and bench, the tsconfigs and the lockfile, against dist/.tsbuildinfo;
 * - web (vite build): everything under apps/web, every file the last bundle was made from (its source maps
 *   list them: libs/contracts and the rest it imports), the lockfile and package.json, against
 *   dist/web/index.html.
 *
 * `npm run build` still builds everything (CI, pretest). `--only web|server` checks one part; `--check` only
 * says what is stale (exit 1 if anything is). Plain CommonJS: it runs before anything is compiled.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SERVER_DIRS = ['apps', 'workflows', 'activities', 'libs', 'scripts', 'bench'];
const SKIP = new Set(['node_modules', 'dist', '.git', '.accord']);

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The newest file under `dir` (recursively) that `keep` accepts: [mtime, path]. */
function newestUnder(dir, keep, best = [0, null]) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return best;
  }
  for (const e of entries) {
    if (SKIP.has(e.name) || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) best = newestUnder(full, keep, best);
    else if (keep(full)) {
      const t = mtime(full);
      if (t > best[0]) best = [t, full];
    }
  }
  return best;
}

function newestOf(files, best = [0, null]) {
  for (const f of files) {
    const t = mtime(f);
    if (t > best[0]) best = [t, f];
  }
  return best;
}

const WEB_DIR = path.join(ROOT, 'apps', 'web');
const LOCKS = ['package-lock.json', 'package.json'].map((f) => path.join(ROOT, f));

function serverState() {
  const output = path.join(ROOT, 'dist', '.tsbuildinfo');
  // Build info without the outputs (dist/ partly removed) would make tsc emit nothing: start afresh.
  if (!fs.existsSync(path.join(ROOT, 'dist', 'scripts', 'start.js'))) fs.rmSync(output, { force: true });
  const isSource = (f) => !f.startsWith(WEB_DIR + path.sep) && /\.(ts|json|ya?ml)$/.test(f);
  let newest = newestOf([...LOCKS, path.join(ROOT, 'tsconfig.json'), path.join(ROOT, 'tsconfig.build.json')]);
  for (const d of SERVER_DIRS) newest = newestUnder(path.join(ROOT, d), isSource, newest);
  return { output, builtAt: mtime(output), newest };
}

/** The files the last web bundle was made from, outside node_modules (from its source maps). */
function bundleSources(assets) {
  const out = new Set();
  let names = [];
  try {
    names = fs.readdirSync(assets).filter((f) => f.endsWith('.map'));
  } catch {
    return [];
  }
  for (const name of names) {
    try {
      const map = JSON.parse(fs.readFileSync(path.join(assets, name), 'utf8'));
      for (const s of map.sources ?? []) {
        if (s.includes('node_modules')) continue;
        out.add(path.resolve(assets, s));
      }
    } catch {
      /* an unreadable map only means fewer inputs known: apps/web is always checked */
    }
  }
  return [...out];
}

function webState() {
  const dist = path.join(ROOT, 'dist', 'web');
  const output = path.join(dist, 'index.html');
  let newest = newestUnder(WEB_DIR, () => true);
  newest = newestOf([...LOCKS, ...bundleSources(path.join(dist, 'assets'))], newest);
  return { output, builtAt: mtime(output), newest };
}

const PARTS = {
  server: {
    state: serverState,
    command: [path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json']],
  },
  web: { state: webState, command: ['npm', ['run', 'build:web', '--silent']] },
};

function main(argv) {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : null;
  if (only && !PARTS[only]) {
    process.stderr.write(`--only takes one of ${Object.keys(PARTS).join(', ')}\n`);
    return 2;
  }
  const checkOnly = argv.includes('--check');
  let stale = false;
  for (const [name, part] of Object.entries(PARTS)) {
    if (only && name !== only) continue;
    const { output, builtAt, newest } = part.state();
    const t0 = Date.now();
    if (builtAt && builtAt >= newest[0]) {
      process.stdout.write(`[build] ${name}: up to date\n`);
      continue;
    }
    stale = true;
    const why = builtAt ? `${path.relative(ROOT, newest[1])} changed` : 'not built yet';
    if (checkOnly) {
      process.stdout.write(`[build] ${name}: stale (${why})\n`);
      continue;
    }
    process.stdout.write(`[build] ${name}: building (${why})\n`);
    const [cmd, args] = part.command;
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) {
      // tsc writes its outputs and build info even with type errors: mark them old so the next run tries again.
      if (fs.existsSync(output)) fs.utimesSync(output, new Date(0), new Date(0));
      return r.status ?? 1;
    }
    // An incremental compile with nothing to emit leaves its build info as it was: the check is "built now".
    const now = new Date();
    fs.utimesSync(output, now, now);
    process.stdout.write(`[build] ${name}: built in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  return checkOnly && stale ? 1 : 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));

module.exports = { serverState, webState, main };
