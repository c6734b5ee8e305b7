/**
 * Reads at scale (issue 12, item 5): each read endpoint beside a bare `workflow.list` of the same visibility
 * filter, measured in the same run, so the ratio says what the endpoint adds on top of visibility.
 *
 * P open processes (default 1,000) started straight from the client (bounded concurrency; setup is not
 * measured) under a short calendar (ACCORD_DAY_LENGTH=1s): --overdue-pct (default 10 %) of them use the
 * one-day deadline and are overdue within seconds. Every process awaits `jp-mofa` (the review), so the
 * inbox is as large as it gets. Measured R times each, one request at a time, interleaved per round, beside
 * `client.workflow.list` of the same filter (and, for one page, the raw gRPC call that decodes nothing):
 *   GET /api/v1/inbox (jp-mofa)          vs. list(running AND AccordAwaitingRoles IN ('JP:jp-mofa')), one page
 *   GET /api/v1/processes?pageSize=50    vs. list(processes), one page of 50
 *   GET /api/v1/monitoring/stuck         vs. list(overdue) + list(idle: AccordLastProgressAt < now), every page
 *   GET /api/v1/monitoring/summary       vs. list(running), every page
 *
 *   node dist/bench/reads.js [--processes 1000] [--overdue-pct 10] [--repeat 10] [--start-concurrency 32]
 */
import type { Client } from '@temporalio/client';
import { SA } from '../libs/contracts/src/search-attributes';
import { BENCH_DEFINITIONS, BENCH_OVERDUE, BENCH_TWO_STEP } from './definitions';
import { note, withStack } from './harness';
import { PROCESSES_QUERY, startMany, waitForCount } from './populate';
import { rpcAdd, rpcDelta, rpcLine, type RpcStats } from './rpc-stats';
import { intFlag, LATENCY_HEADERS, latencyRow, ratio, runIfMain, summarize, table, timed } from './stats';

const APPROVER = 'jp-mofa';
const COORDINATOR = 'jp-coordinator';
const RUNNING = `${PROCESSES_QUERY} AND ExecutionStatus = 'Running' AND ${SA.status.name} = 'running'`;
const INBOX_QUERY = `${PROCESSES_QUERY} AND ExecutionStatus = 'Running' AND ${SA.awaitingRoles.name} IN ('JP:${APPROVER}')`;

/** One page of a visibility listing, as the raw client call (no conversion beyond the SDK's). */
async function listPage(client: Client, query: string, pageSize: number): Promise<number> {
  const res = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize,
  });
  return res.executions?.length ?? 0;
}

/** The first page of `client.workflow.list` (the SDK decodes each execution: search attributes, memo). */
async function listFirst(client: Client, query: string, pageSize: number): Promise<number> {
  let n = 0;
  for await (const _ of client.workflow.list({ query, pageSize })) if (++n >= pageSize) break;
  return n;
}

/** Every page of a visibility listing through the SDK's iterator. */
async function listAll(client: Client, query: string): Promise<number> {
  let n = 0;
  for await (const _ of client.workflow.list({ query, pageSize: 1000 })) n++;
  return n;
}

export async function main(): Promise<void> {
  const p = intFlag('processes', 1000);
  const overduePct = intFlag('overdue-pct', 10);
  const repeat = intFlag('repeat', 10);
  const startC = intFlag('start-concurrency', 32);
  await withStack({ definitions: BENCH_DEFINITIONS, dayLength: '1s' }, async (stack) => {
    // Imported here, not at the top: the API's modules load the definitions catalogue, which must read the
    // stack's ACCORD_DEFINITIONS_DIR (else the benchmark's processes look like definitions outside it).
    const { INBOX_PROCESS_LIMIT } = await import('../apps/api/src/inbox/inbox.service');
    const t0 = Date.now();
    const overdue = Math.round((p * overduePct) / 100);
    await startMany(stack, BENCH_OVERDUE, overdue, startC);
    await startMany(stack, BENCH_TWO_STEP, p - overdue, startC);
    const started = Date.now() - t0;
    // Every process awaits the review once its first workflow task ran (the workflow upserts the roles).
    // 10,000 took 9 min on the dev server under load: the wait grows with the size (100 ms a process).
    await waitForCount(stack, INBOX_QUERY, p, Math.max(600_000, p * 100));
    note(`populated ${p} open processes: started in ${started} ms, all awaiting in ${Date.now() - t0} ms`);
    // The one-day deadlines pass after ~1 s of ACCORD_DAY_LENGTH=1s.
    await new Promise((r) => setTimeout(r, 3000));

    const rows: Array<{ label: string; run: () => Promise<number> }> = [
      {
        label: `GET /inbox as ${APPROVER}`,
        run: async () => (await stack.api<unknown[]>(APPROVER, 'GET', '/api/v1/inbox')).length,
      },
      {
        label: `workflow.list, inbox filter (first ${INBOX_PROCESS_LIMIT})`,
        run: () => listFirst(stack.client, INBOX_QUERY, INBOX_PROCESS_LIMIT),
      },
      {
        label: `  raw ListWorkflowExecutions, same (no decoding)`,
        run: () => listPage(stack.client, INBOX_QUERY, INBOX_PROCESS_LIMIT),
      },
      {
        // What any authenticated request costs here (HTTP, token, guards, logging): the floor under the rest.
        label: 'GET /me (HTTP floor, no Temporal call)',
        run: async () => {
          await stack.api('jp-officer', 'GET', '/api/v1/me');
          return 1;
        },
      },
      {
        label: 'GET /processes?pageSize=50',
        run: async () =>
          (await stack.api<{ items: unknown[] }>('jp-officer', 'GET', '/api/v1/processes?pageSize=50')).items
            .length,
      },
      {
        label: 'workflow.list, processes (first 50)',
        run: () => listFirst(stack.client, PROCESSES_QUERY, 50),
      },
      {
        label: '  raw ListWorkflowExecutions, same (no decoding)',
        run: () => listPage(stack.client, PROCESSES_QUERY, 50),
      },
      {
        label: 'GET /monitoring/stuck',
        run: async () => (await stack.api<unknown[]>(COORDINATOR, 'GET', '/api/v1/monitoring/stuck')).length,
      },
      {
        // What GET /monitoring/stuck lists: the overdue and the idle candidates (here every process is idle
        // under the default threshold and ACCORD_DAY_LENGTH=1s).
        label: "workflow.list, stuck's filters: overdue + idle (all)",
        run: async () => {
          const now = `'${new Date().toISOString()}'`;
          const overdue = await listAll(stack.client, `${RUNNING} AND ${SA.nextDueAt.name} < ${now}`);
          return overdue + (await listAll(stack.client, `${RUNNING} AND ${SA.lastProgressAt.name} < ${now}`));
        },
      },
      {
        label: 'GET /monitoring/summary',
        run: async () =>
          (
            await stack.api<{ byStatus: { running: number } }>(
              COORDINATOR,
              'GET',
              '/api/v1/monitoring/summary',
            )
          ).byStatus.running,
      },
      { label: 'workflow.list, running (all)', run: () => listAll(stack.client, RUNNING) },
    ];
    const samples = rows.map(() => [] as number[]);
    const sizes = rows.map(() => 0);
    // The gRPC attempts each row made (the shared connection: the worker's client calls, if any, fall in too).
    const rpcs = rows.map((): RpcStats => ({}));
    for (let round = -1; round < repeat; round++) {
      for (const [i, row] of rows.entries()) {
        const before = stack.rpcStats();
        const r = await timed(row.run);
        if (round < 0) continue; // warm-up
        rpcAdd(rpcs[i]!, rpcDelta(stack.rpcStats(), before));
        samples[i]!.push(r.ms);
        sizes[i] = r.value;
      }
    }
    const s = samples.map(summarize);
    const p50 = (i: number) => s[i]!.p50;
    process.stdout.write(
      [
        '',
        `## reads — ${p} open processes (${overdue} overdue), all awaiting ${APPROVER}; ${repeat} sequential requests each`,
        '',
        table(
          [...LATENCY_HEADERS.slice(0, 4), 'rows / answer'],
          rows.map((row, i) => [...latencyRow(row.label, s[i]!).slice(0, 4), sizes[i]!]),
        ),
        '',
        `endpoint / workflow.list at p50: inbox ${ratio(p50(0), p50(1))}, listing ${ratio(p50(4), p50(5))}, ` +
          `stuck ${ratio(p50(7), p50(8))}, summary ${ratio(p50(9), p50(10))}; ` +
          `against the raw call: inbox ${ratio(p50(0), p50(2))}, listing ${ratio(p50(4), p50(6))}`,
        '',
        'gRPC attempts per request (failed attempts in brackets, by status):',
        ...rows.map((row, i) => `- ${row.label.trim()}: ${rpcLine(rpcs[i]!, repeat) || 'none'}`),
        ...rows.flatMap((row, i) =>
          Object.entries(rpcs[i]!)
            .filter(([, x]) => x.lastFailure)
            .map(([m, x]) => `  ${row.label.trim()}, ${m}, last failure: ${x.lastFailure}`),
        ),
        '',
      ].join('\n') + '\n',
    );
  });
}

runIfMain(module, main);
