/**
 * Replays every recorded history in test/histories/ against the current workflow code and fails on any
 * non-determinism. With ACCORD_RECORD_HISTORIES=1 (npm run histories:record) it first runs the scenarios
 * (scenarios.ts) on the shared worker and (re)writes their histories. See test/histories/README.md.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { e2eEnv } from '../support/e2e-env';
import { closeTestClientAfterAll } from '../support/temporal-client';
import { historyFromJson } from './history-json';
import { scenarios } from './scenarios';

const HISTORIES = path.join(__dirname, '..', 'histories');
const RECORD = process.env.ACCORD_RECORD_HISTORIES === '1';
const WORKFLOWS = require.resolve('../../workflows');
/** The worker's workflow interceptors (the start's proof is decided there): replayed as the worker runs them. */
const INTERCEPTORS = { workflowModules: [require.resolve('../../workflows/interceptors')] };
const ALTERED = require.resolve('./altered');

interface HistoryJson {
  events: Array<Record<string, unknown>>;
}

/** The history in Temporal's JSON format, as `temporal workflow show --output json` exports it. */
function exportHistory(workflowId: string, runId: string | undefined): string {
  const env = e2eEnv();
  const args = [
    'workflow',
    'show',
    '--address',
    env.temporalAddress,
    '--namespace',
    env.namespace,
    '-w',
    workflowId,
    '--output',
    'json',
    '--no-json-shorthand-payloads',
  ];
  if (runId) args.push('-r', runId);
  return execFileSync(env.temporalCli, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function recorded(): Array<{ workflowId: string; history: HistoryJson }> {
  return fs
    .readdirSync(HISTORIES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({
      workflowId: path.basename(f, '.json'),
      history: JSON.parse(fs.readFileSync(path.join(HISTORIES, f), 'utf8')) as HistoryJson,
    }));
}

function replayable() {
  return recorded().map((h) => ({ workflowId: h.workflowId, history: historyFromJson(h.history) }));
}

describe('replay of recorded histories', () => {
  closeTestClientAfterAll();

  if (RECORD) {
    // Committed histories are never re-recorded (they stand for processes already in flight): only scenarios
    // without a file are recorded; delete a file on purpose to record it again.
    const unrecorded = scenarios.filter((s) => !fs.existsSync(path.join(HISTORIES, `${s.name}.json`)));
    if (unrecorded.length)
      it.each(unrecorded.map((s) => [s.name, s] as const))('records %s', async (name, scenario) => {
        const { handle, runId } = await scenario.run();
        const json = exportHistory(handle.workflowId, runId);
        fs.writeFileSync(path.join(HISTORIES, `${name}.json`), json.endsWith('\n') ? json : json + '\n');
        process.stderr.write(
          `[histories] ${name}: ${(JSON.parse(json) as HistoryJson).events.length} events\n`,
        );
      });
  }

  it('has the committed histories (at least completed, rejected, parallel with a timer)', () => {
    const names = recorded().map((h) => h.workflowId);
    expect(names).toEqual(
      expect.arrayContaining(['approval-completed', 'approval-rejected', 'parallel-timer']),
    );
  });

  it('replays every history deterministically against the current workflow code', async () => {
    const failures: string[] = [];
    let replayed = 0;
    for await (const r of Worker.runReplayHistories(
      // No update keys in this bundle: a recorded start's outcome is replayed from its marker, not checked again.
      { workflowsPath: WORKFLOWS, replayName: 'accord-replay', interceptors: INTERCEPTORS },
      replayable(),
    )) {
      replayed++;
      if (r.error) failures.push(`${r.workflowId}: ${r.error.name}: ${r.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(recorded().length);
    expect(replayed).toBeGreaterThanOrEqual(3);
  });

  it('catches a non-deterministic change (a deliberately altered workflow)', async () => {
    const results = [];
    for await (const r of Worker.runReplayHistories(
      { workflowsPath: ALTERED, replayName: 'accord-replay-altered' },
      replayable().slice(0, 2),
    )) {
      results.push(r);
    }
    expect(results).toHaveLength(2);
    for (const r of results) expect(r.error).toBeInstanceOf(DeterminismViolationError);
  });

  it('keeps a completed agreement-entry-into-force history well under a few hundred events', () => {
    const aeif = recorded().find((h) => h.workflowId === 'agreement-entry-into-force');
    expect(aeif).toBeDefined();
    expect(aeif!.history.events.length).toBeLessThan(300);
  });
});
