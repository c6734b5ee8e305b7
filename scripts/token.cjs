#!/usr/bin/env node
/**
 * `npm run token`: runs the built token script directly (well under a second), building first only when
 * the build is missing or older than a source it is made from (scripts/token.ts and the folders it imports:
 * auth, config, directory, contracts). A stat of a few dozen files, instead of a full `tsc` on every call.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const built = join(root, 'dist', 'scripts', 'token.js');
const SOURCES = [
  'scripts/token.ts',
  'apps/api/src/auth',
  'libs/config/src',
  'libs/directory/src',
  'libs/contracts/src',
];

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function stale() {
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newest(join(root, s)) > builtAt);
}

if (stale()) {
  process.stderr.write('token: building (the build is missing or older than its sources)…\n');
  const tsc = spawnSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
require(built);
