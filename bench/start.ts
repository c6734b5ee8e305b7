/**
 * Starting a process: POST /processes (the API settles the first view itself, with the workflow's engine and
 * due-time calculation, and starts with one plain `workflow.start` whose input carries those due times,
 * `firstDues`) against a raw `workflow.start` of the same input on the same server, the Temporal part of the
 * new path alone (settle in-process, then start with `firstDues`), and the API's former way (update-with-start
 * of the read-only `started` Update, answered after the workflow's first task and its computeDues local
 * activity), and the floor of any API call (GET /me). They alternate one by one, sequentially, in an order
 * rotated every round, so none profits from a warmer server or always follows the same other one; after
 * each start (untimed) a Query waits for its first workflow task, so the next starts on a quiet worker.
 *
 * The worker runs in a process of its own, as deployed (`--worker=inline`: in the API's process).
 *
 *   node dist/bench/start.js [--processes 60] [--warmup 5] [--worker=inline]
 */
import { WithStartWorkflowOperation } from '@temporalio/client';
import { createDueCalculator } from '../activities/compute-due';
import {
  PROCESS_WORKFLOW_TYPE,
  startedUpdate,
  stateQuery,
  type ProcessInput,
} from '../libs/contracts/src/messages';
import type { ProcessView } from '../libs/contracts/src/process-view';
import { initialSearchAttributes } from '../libs/contracts/src/search-attributes';
import { currentRules, settleNew } from '../workflows/engine';
import { BENCH_DEFINITIONS, BENCH_TWO_STEP } from './definitions';
import { note, withStack, type Stack } from './harness';
import { processInput } from './populate';
import { intFlag, LATENCY_HEADERS, latencyRow, ratio, runIfMain, summarize, table, timed } from './stats';

const INITIATOR = 'jp-officer';
type Mode = 'api' | 'raw' | 'first' | 'uws' | 'http';

let calculator: ReturnType<typeof createDueCalculator> | undefined;

function input(title: string): ProcessInput {
  return processInput(BENCH_TWO_STEP, title);
}

async function rawStart(stack: Stack, i: ProcessInput): Promise<void> {
  await stack.client.workflow.start(PROCESS_WORKFLOW_TYPE, {
    taskQueue: stack.config.taskQueue,
    workflowId: i.processId,
    args: [i],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: initialSearchAttributes(i),
  });
}

/** One start, timed; then (untimed) until its first workflow task is done, so the next one starts on a
 * quiet worker whatever way came before it (a raw start leaves that task to run after its answer). */
async function once(stack: Stack, mode: Mode, title: string): Promise<number> {
  const { ms, id } = await timedStart(stack, mode, title);
  if (id) await stack.client.workflow.getHandle(id).query(stateQuery);
  return ms;
}

async function timedStart(
  stack: Stack,
  mode: Mode,
  title: string,
): Promise<{ ms: number; id: string | null }> {
  // The floor of any API call: HTTP, the token, the guard and a small JSON answer (GET /me), no Temporal.
  if (mode === 'http')
    return { ms: (await timed(() => stack.api(INITIATOR, 'GET', '/api/v1/me'))).ms, id: null };
  if (mode === 'api') {
    const r = await timed(() =>
      stack.api<ProcessView>(INITIATOR, 'POST', '/api/v1/processes', {
        definitionId: BENCH_TWO_STEP.id,
        title,
      }),
    );
    if (r.value.dueTimesPending || r.value.steps.every((s) => !s.dueAt))
      throw new Error(
        `POST /processes answered before the deadlines: ${JSON.stringify(r.value).slice(0, 300)}`,
      );
    return { ms: r.ms, id: r.value.id };
  }
  const i = input(title);
  const id = i.processId;
  if (mode === 'raw') return { ms: (await timed(() => rawStart(stack, i))).ms, id };
  if (mode === 'first') {
    // What the API now does at Temporal, minus HTTP, auth and the view for people: settle, one plain start.
    const due = (calculator ??= createDueCalculator({
      dayLengthMs: stack.config.dayLengthMs,
      sittingCalendarFile: stack.config.sittingCalendarFile,
    }));
    const r = await timed(async () => {
      const at = new Date().toISOString();
      const { dues } = await settleNew(i.definition, i, at, currentRules(i.limits), due.computeDues);
      await rawStart(stack, { ...i, firstDues: { at, dues } });
    });
    return { ms: r.ms, id };
  }
  // The API's former path minus HTTP: update-with-start of `started`, answered after the first task.
  const start = new WithStartWorkflowOperation(PROCESS_WORKFLOW_TYPE, {
    taskQueue: stack.config.taskQueue,
    workflowId: i.processId,
    args: [i],
    workflowIdConflictPolicy: 'FAIL',
    typedSearchAttributes: initialSearchAttributes(i),
  });
  const r = await timed(() =>
    stack.client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: start }),
  );
  return { ms: r.ms, id };
}

async function main(): Promise<void> {
  const n = intFlag('processes', 60);
  const warmup = intFlag('warmup', 5);
  // The worker in a process of its own, as deployed (--worker=inline: in the API's, as before).
  const workerProcess =
    (process.argv.find((a) => a.startsWith('--worker=')) ?? '--worker=process') !== '--worker=inline';
  await withStack({ definitions: BENCH_DEFINITIONS, workerProcess }, async (stack) => {
    const modes: Mode[] = ['raw', 'api', 'first', 'uws', 'http'];
    for (let k = 0; k < warmup; k++) for (const m of modes) await once(stack, m, `warm-up ${m} ${k}`);
    const samples: Record<Mode, number[]> = { api: [], raw: [], first: [], uws: [], http: [] };
    // Each round in another order (rotated), so no way always follows the same other one.
    for (let k = 0; k < n; k++)
      for (let j = 0; j < modes.length; j++) {
        const m = modes[(j + k) % modes.length]!;
        samples[m].push(await once(stack, m, `bench ${m} ${k}`));
      }
    const api = summarize(samples.api);
    const raw = summarize(samples.raw);
    const first = summarize(samples.first);
    const uws = summarize(samples.uws);
    const http = summarize(samples.http);
    note(
      `${n} starts per way, sequential, interleaved; the worker ${workerProcess ? 'in a process of its own' : "in the API's process"}`,
    );
    process.stdout.write(
      '\n' +
        table(LATENCY_HEADERS, [
          latencyRow('POST /processes (settled in the API, one plain start with firstDues)', api),
          latencyRow('baseline: raw workflow.start (no view)', raw),
          latencyRow('its Temporal part: settleNew in-process, then workflow.start', first),
          latencyRow('former path: executeUpdateWithStart(started)', uws),
          latencyRow('HTTP floor: GET /api/v1/me (token, guard, no Temporal)', http),
        ]) +
        `\n\np50 POST /processes / raw workflow.start: ${ratio(api.p50, raw.p50)} (goal ≤ 1.5×); ` +
        `settle + start / raw: ${ratio(first.p50, raw.p50)}; ` +
        `former update-with-start / raw: ${ratio(uws.p50, raw.p50)}; ` +
        `(POST − HTTP floor) / raw: ${ratio(api.p50 - http.p50, raw.p50)}\n`,
    );
  });
}

runIfMain(module, main);
