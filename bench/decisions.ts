/**
 * Decisions through the HTTP API vs. the same decisions sent directly as Temporal Updates.
 *
 * Starts N processes of a two-step definition (four decisions each, M = 4N) and drives them to completion
 * with C processes in flight; the baseline drives another N processes with `executeUpdate(decideUpdate)`
 * from a Temporal client. The phases alternate (baseline, API, baseline, API; N/2 processes each) so neither
 * side profits from a warmer server. Also: process start (POST /processes vs. workflow.start + the state
 * Query the API also makes) and the history length of a completed process.
 *
 *   node dist/bench/decisions.js [--processes 50] [--concurrency 8] [--warmup 4]
 */
import { randomUUID } from 'node:crypto';
import { PROCESS_WORKFLOW_TYPE, stateQuery } from '../libs/contracts/src/messages';
import type { ProcessView } from '../libs/contracts/src/process-view';
import { initialSearchAttributes } from '../libs/contracts/src/search-attributes';
import { BENCH_DEFINITIONS, BENCH_TWO_STEP, DECISION_PLAN } from './definitions';
import { HttpError, note, withStack, type Stack } from './harness';
import { approveDirect, processInput } from './populate';
import {
  intFlag,
  LATENCY_HEADERS,
  latencyRow,
  pool,
  ratio,
  summarize,
  table,
  timed,
  runIfMain,
} from './stats';

type Mode = 'api' | 'direct';

interface Samples {
  start: number[];
  decide: number[];
  wallMs: number;
  retries: number;
  ids: string[];
}

const INITIATOR = 'jp-officer';

async function startProcess(stack: Stack, mode: Mode, title: string): Promise<{ ms: number; id: string }> {
  if (mode === 'api') {
    const r = await timed(() =>
      stack.api<ProcessView>(INITIATOR, 'POST', '/api/v1/processes', {
        definitionId: BENCH_TWO_STEP.id,
        title,
      }),
    );
    return { ms: r.ms, id: r.value.id };
  }
  // What the API does, minus HTTP, auth and validation: start with the same input and search attributes,
  // then the first state Query.
  const input = processInput(BENCH_TWO_STEP, title);
  const id = input.processId;

  const sa = initialSearchAttributes(input);
  const r = await timed(async () => {
    await stack.client.workflow.start(PROCESS_WORKFLOW_TYPE, {
      taskQueue: stack.config.taskQueue,
      workflowId: id,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: sa,
    });
    return stack.client.workflow.getHandle(id).query(stateQuery);
  });
  return { ms: r.ms, id };
}

async function decide(stack: Stack, mode: Mode, id: string, stepId: string, userId: string): Promise<void> {
  if (mode === 'api') {
    await stack.api(userId, 'POST', `/api/v1/processes/${id}/steps/${stepId}/decisions`, {
      decision: 'approve',
      requestId: randomUUID(),
    });
    return;
  }
  await approveDirect(stack, id, stepId, userId);
}

/** Starts `count` processes and drives each through its four decisions, `concurrency` processes at a time. */
async function phase(
  stack: Stack,
  mode: Mode,
  count: number,
  concurrency: number,
  into: Samples,
): Promise<void> {
  const t0 = Date.now();
  await pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    async (i) => {
      const started = await startProcess(stack, mode, `bench ${mode} ${i}`);
      into.start.push(started.ms);
      into.ids.push(started.id);
      for (const { stepId, userId } of DECISION_PLAN) {
        // The next step becomes active in the workflow task after the deciding Update; a request that
        // arrives first gets 409 (not awaiting): retried, counted, never timed as a success.
        for (let attempt = 0; ; attempt++) {
          try {
            const r = await timed(() => decide(stack, mode, started.id, stepId, userId));
            into.decide.push(r.ms);
            break;
          } catch (err) {
            const notYet =
              (err instanceof HttpError && err.status === 409) ||
              /not awaiting|not active/i.test(String(err));
            if (!notYet || attempt >= 20) throw err;
            into.retries++;
            await new Promise((r) => setTimeout(r, 5));
          }
        }
      }
    },
  );
  into.wallMs += Date.now() - t0;
}

export async function main(): Promise<void> {
  const n = intFlag('processes', 50);
  const c = intFlag('concurrency', 8);
  const warmup = intFlag('warmup', 4);
  await withStack({ definitions: BENCH_DEFINITIONS }, async (stack) => {
    const fresh = (): Samples => ({ start: [], decide: [], wallMs: 0, retries: 0, ids: [] });
    note(`warm-up: ${warmup} processes each way`);
    for (const mode of ['direct', 'api'] as Mode[]) await phase(stack, mode, warmup, c, fresh());
    const runs: Record<Mode, Samples> = { api: fresh(), direct: fresh() };
    const half = Math.ceil(n / 2);
    for (const [mode, count] of [
      ['direct', half],
      ['api', half],
      ['direct', n - half],
      ['api', n - half],
    ] as Array<[Mode, number]>) {
      note(`${mode}: ${count} processes × ${DECISION_PLAN.length} decisions, concurrency ${c}`);
      await phase(stack, mode, count, c, runs[mode]);
    }

    // History length of completed processes (one of each way; they are the same workflow).
    const histories: Array<[string, number, string]> = [];
    for (const mode of ['api', 'direct'] as Mode[]) {
      const handle = stack.client.workflow.getHandle(runs[mode].ids[0]!);
      await handle.result();
      const view = await handle.query(stateQuery);
      const history = await handle.fetchHistory();
      histories.push([mode, history.events?.length ?? 0, view.status]);
    }

    const api = summarize(runs.api.decide);
    const direct = summarize(runs.direct.decide);
    const apiStart = summarize(runs.api.start);
    const directStart = summarize(runs.direct.start);
    const out = [
      '',
      `## decisions — ${n} processes per side, ${DECISION_PLAN.length} decisions each (M = ${n * DECISION_PLAN.length} per side), concurrency ${c}`,
      '',
      table(LATENCY_HEADERS, [
        latencyRow('decide: HTTP API (POST …/decisions)', api, runs.api.wallMs),
        latencyRow('decide: baseline executeUpdate(decide)', direct, runs.direct.wallMs),
        latencyRow('start: HTTP API (POST /processes)', apiStart),
        latencyRow('start: baseline workflow.start + state Query', directStart),
      ]),
      '',
      `API overhead per decision: p50 +${(api.p50 - direct.p50).toFixed(1)} ms (${ratio(api.p50, direct.p50)}), ` +
        `p95 +${(api.p95 - direct.p95).toFixed(1)} ms (${ratio(api.p95, direct.p95)})`,
      `ops/s = decisions / wall time of the decision phases (starts included in the wall time); ` +
        `409-then-retry while the next step activated: API ${runs.api.retries}, baseline ${runs.direct.retries}`,
      ...histories.map(
        ([mode, events, status]) =>
          `history of a completed process (${mode}): ${events} events, status ${status}`,
      ),
      '',
    ];
    process.stdout.write(out.join('\n') + '\n');
  });
}

runIfMain(module, main);
