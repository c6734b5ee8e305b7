/**
 * Starting a process: POST /processes (update-with-start of the read-only `started` Update: the start and
 * the first settled view, with its deadlines, in one round trip) against a raw `workflow.start` of the same
 * input on the same server, and against the API's former way (start, then Query until the due times are
 * computed). The three alternate one by one, sequentially, so none profits from a warmer server.
 *
 *   node dist/bench/start.js [--processes 60] [--warmup 5]
 */
import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  PROCESS_WORKFLOW_TYPE,
  startedUpdate,
  stateQuery,
  type ProcessInput,
} from '../libs/contracts/src/messages';
import type { ProcessView } from '../libs/contracts/src/process-view';
import { initialSearchAttributes } from '../libs/contracts/src/search-attributes';
import { BENCH_DEFINITIONS, BENCH_TWO_STEP } from './definitions';
import { note, withStack, type Stack } from './harness';
import { processInput } from './populate';
import { intFlag, LATENCY_HEADERS, latencyRow, ratio, runIfMain, summarize, table, timed } from './stats';

const INITIATOR = 'jp-officer';
type Mode = 'api' | 'raw' | 'poll' | 'uws';

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

async function once(stack: Stack, mode: Mode, title: string): Promise<number> {
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
    return r.ms;
  }
  const i = input(title);
  if (mode === 'raw') return (await timed(() => rawStart(stack, i))).ms;
  if (mode === 'uws') {
    // What the API now does at Temporal, minus HTTP and the view for people: update-with-start.
    const start = new WithStartWorkflowOperation(PROCESS_WORKFLOW_TYPE, {
      taskQueue: stack.config.taskQueue,
      workflowId: i.processId,
      args: [i],
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: initialSearchAttributes(i),
    });
    return (
      await timed(() =>
        stack.client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: start }),
      )
    ).ms;
  }
  // The former API path minus HTTP: start, then Query every 25 ms until the due times are computed.
  return (
    await timed(async () => {
      await rawStart(stack, i);
      const handle = stack.client.workflow.getHandle(i.processId);
      for (;;) {
        const view = await handle.query(stateQuery);
        if (!view.dueTimesPending) return view;
        await new Promise((r) => setTimeout(r, 25));
      }
    })
  ).ms;
}

async function main(): Promise<void> {
  const n = intFlag('processes', 60);
  const warmup = intFlag('warmup', 5);
  await withStack({ definitions: BENCH_DEFINITIONS }, async (stack) => {
    const modes: Mode[] = ['raw', 'api', 'uws', 'poll'];
    for (let k = 0; k < warmup; k++) for (const m of modes) await once(stack, m, `warm-up ${m} ${k}`);
    const samples: Record<Mode, number[]> = { api: [], raw: [], poll: [], uws: [] };
    for (let k = 0; k < n; k++)
      for (const m of modes) samples[m].push(await once(stack, m, `bench ${m} ${k}`));
    const api = summarize(samples.api);
    const raw = summarize(samples.raw);
    const poll = summarize(samples.poll);
    const uws = summarize(samples.uws);
    note(`${n} starts per way, sequential, interleaved`);
    process.stdout.write(
      '\n' +
        table(LATENCY_HEADERS, [
          latencyRow('POST /processes (update-with-start, first deadlines in the answer)', api),
          latencyRow('baseline: raw workflow.start (no view)', raw),
          latencyRow('its Temporal part: executeUpdateWithStart(started)', uws),
          latencyRow('former API path: workflow.start, then Query until due times', poll),
        ]) +
        `\n\np50 POST /processes / raw workflow.start: ${ratio(api.p50, raw.p50)} (goal ≤ 1.5×); ` +
        `update-with-start / raw: ${ratio(uws.p50, raw.p50)}; former path / raw: ${ratio(poll.p50, raw.p50)}\n`,
    );
  });
}

runIfMain(module, main);
