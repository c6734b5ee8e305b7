/**
 * `npm run bench`: runs each benchmark in its own Node process (each starts and stops its own stack; `forecast`
 * needs none), one after the other, so they never compete for the two cores. Flags are per benchmark; set
 * them through the environment instead (BENCH_PROCESSES, BENCH_CONCURRENCY, BENCH_REPEAT, …), or run one file
 * directly.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const BENCHMARKS = ['decisions', 'start', 'listing', 'stuck', 'reads', 'withdrawn', 'console', 'forecast'];

function main(): number {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = only.length ? BENCHMARKS.filter((b) => only.includes(b)) : BENCHMARKS;
  let failed = 0;
  for (const name of chosen) {
    process.stderr.write(`\n[bench] ===== ${name} =====\n`);
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: 'inherit' });
    const took = ((Date.now() - t0) / 1000).toFixed(1);
    if (r.status !== 0) {
      failed++;
      process.stderr.write(`[bench] ${name} FAILED (exit ${r.status ?? r.signal}) after ${took} s\n`);
    } else process.stderr.write(`[bench] ${name} done in ${took} s\n`);
  }
  return failed ? 1 : 0;
}

process.exit(main());
