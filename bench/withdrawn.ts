/**
 * GET /api/v1/inbox/withdrawn (issue 12, item 5; the web console polls it every 5 s beside the inbox) at P open
 * processes whose review a change request sent back to the draft: the reviewer who had not decided (CA GAC)
 * has a notice in each. Measured R times, one request at a time, interleaved per round, beside
 *   - the way it read before the withdrawn memo (accord-20261202-withdrawn-memo): the same listing, then a
 *     state Query of each listed process (8 in flight), as InboxService.withdrawn did;
 *   - a bare `workflow.list` of the same filter, one page of WITHDRAWN_PROCESS_LIMIT.
 * with the gRPC attempts each made (the worker runs in its own process: its calls are not counted).
 *
 *   npm run build && node dist/bench/withdrawn.js [--processes 200] [--repeat 10] [--start-concurrency 16]
 */
import { randomUUID } from 'node:crypto';
import type { ProcessDefinition } from '../libs/contracts/src/definition';
import { completeUpdate, decideUpdate, stateQuery } from '../libs/contracts/src/messages';
import type { ProcessView } from '../libs/contracts/src/process-view';
import { SA } from '../libs/contracts/src/search-attributes';
import { getUser, principalOf } from '../libs/directory/src/directory';
import { mapLimit } from '../libs/monitoring/src/limits';
import { withdrawnNoticesOf } from '../apps/api/src/inbox/inbox-items';
import { note, withStack, type Stack } from './harness';
import { PROCESSES_QUERY, startMany, waitForCount } from './populate';
import { rpcAdd, rpcDelta, rpcLine, type RpcStats } from './rpc-stats';
import { intFlag, LATENCY_HEADERS, latencyRow, ratio, runIfMain, summarize, table, timed } from './stats';

const READER = 'ca-gac';
const DAY_LENGTH_MS = 60_000;

/** A draft by JP, then a joint review whose change request goes back to the draft. */
const ROUTE_BACK: ProcessDefinition = {
  id: 'bench-route-back',
  version: 1,
  title: 'Benchmark review routed back to the draft',
  description: 'Benchmark process: a draft, then a joint review; changes requested go back to the draft.',
  roadmap: { pillar: '1', pillarTitle: 'Benchmark', section: 'bench' },
  parties: ['JP', 'CA'],
  initiatorRoles: ['jp-officer', 'ca-officer'],
  parameters: {},
  steps: [
    { id: 'draft', type: 'task', title: 'Draft', parties: { JP: { roles: ['jp-officer'] } } },
    {
      id: 'review',
      type: 'approval',
      title: 'Joint review',
      parties: { JP: { roles: ['jp-mofa'], rule: 'any' }, CA: { roles: ['ca-gac'], rule: 'any' } },
      onReject: 'end',
      onRequestChanges: { goto: 'draft' },
    },
  ],
};

/** The draft recorded, then JP MOFA asks for changes: the review goes back to waiting, withdrawn from CA GAC. */
async function sendBack(stack: Stack, id: string): Promise<void> {
  const h = stack.client.workflow.getHandle(id);
  await h.executeUpdate(completeUpdate, {
    args: [
      {
        principal: principalOf(getUser('jp-officer')!),
        requestId: randomUUID(),
        stepId: 'draft',
        outputs: {},
      },
    ],
  });
  await h.executeUpdate(decideUpdate, {
    args: [
      {
        principal: principalOf(getUser('jp-mofa')!),
        requestId: randomUUID(),
        stepId: 'review',
        decision: 'request-changes',
        comment: 'Annex B cites the old export-control regulation',
      },
    ],
  });
}

export async function main(): Promise<void> {
  const p = intFlag('processes', 200);
  const repeat = intFlag('repeat', 10);
  const startC = intFlag('start-concurrency', 16);
  await withStack(
    { definitions: [ROUTE_BACK], dayLength: `${DAY_LENGTH_MS / 1000}s`, workerProcess: true },
    async (stack) => {
      // Imported here: the API's modules read the stack's ACCORD_DEFINITIONS_DIR.
      const { WITHDRAWN_NOTICE_DAYS, WITHDRAWN_PROCESS_LIMIT } =
        await import('../apps/api/src/inbox/inbox.service');
      const { clauses } = await import('../apps/api/src/temporal/temporal-gateway');
      const t0 = Date.now();
      const ids = await startMany(stack, ROUTE_BACK, p, startC);
      const drafting = `${PROCESSES_QUERY} AND ${SA.currentSteps.name} = 'draft'`;
      await waitForCount(stack, drafting, p, Math.max(600_000, p * 100));
      await mapLimit(ids, startC, (id) => sendBack(stack, id));
      const back = `${drafting} AND ${SA.awaitingRoles.name} = 'JP:jp-officer'`;
      await waitForCount(stack, back, p, Math.max(600_000, p * 100));
      note(`populated ${p} processes sent back to the draft in ${Date.now() - t0} ms`);

      const reader = principalOf(getUser(READER)!);
      const noticeMs = WITHDRAWN_NOTICE_DAYS * DAY_LENGTH_MS;
      // InboxService.withdrawn's filter (the reader acts in this one definition).
      const filter = () =>
        `${clauses.running} AND ${SA.definitionId.name} IN ('${ROUTE_BACK.id}') ` +
        `AND ${SA.lastProgressAt.name} >= '${new Date(Date.now() - noticeMs).toISOString()}'`;
      const firstPage = async () => {
        const out: string[] = [];
        for await (const info of stack.client.workflow.list({
          query: filter(),
          pageSize: WITHDRAWN_PROCESS_LIMIT,
        })) {
          out.push(info.workflowId);
          if (out.length >= WITHDRAWN_PROCESS_LIMIT) break;
        }
        return out;
      };
      const rows: Array<{ label: string; run: () => Promise<number> }> = [
        {
          label: `GET /inbox/withdrawn as ${READER} (withdrawn memo)`,
          run: async () => (await stack.api<unknown[]>(READER, 'GET', '/api/v1/inbox/withdrawn')).length,
        },
        {
          label: 'before: the listing + a state Query each',
          run: async () => {
            const since = Date.now() - noticeMs;
            const views = await mapLimit(await firstPage(), 8, (id) =>
              stack.client.workflow
                .getHandle(id)
                .query(stateQuery)
                .catch((): ProcessView | null => null),
            );
            return views.flatMap((v) => (v ? withdrawnNoticesOf(v, reader, [], since, noticeMs) : [])).length;
          },
        },
        { label: 'workflow.list, same filter, one page', run: async () => (await firstPage()).length },
      ];
      const samples = rows.map(() => [] as number[]);
      const sizes = rows.map(() => 0);
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
      process.stdout.write(
        [
          '',
          `## withdrawn notices — ${p} open processes sent back to the draft, ${READER} withdrawn from each; ` +
            `${repeat} sequential requests each`,
          '',
          table(
            [...LATENCY_HEADERS.slice(0, 4), 'rows / answer'],
            rows.map((row, i) => [...latencyRow(row.label, s[i]!).slice(0, 4), sizes[i]!]),
          ),
          '',
          `at p50: GET /inbox/withdrawn / workflow.list ${ratio(s[0]!.p50, s[2]!.p50)}; ` +
            `before / workflow.list ${ratio(s[1]!.p50, s[2]!.p50)}`,
          '',
          'gRPC attempts per request (failed attempts in brackets, by status):',
          ...rows.map((row, i) => `- ${row.label.trim()}: ${rpcLine(rpcs[i]!, repeat) || 'none'}`),
          '',
        ].join('\n') + '\n',
      );
    },
  );
}

runIfMain(module, main);
