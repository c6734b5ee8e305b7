/**
 * Listings and inboxes from visibility queries vs. the "scan everything" approach issue 5 rules out.
 *
 * P running processes of the two-step definition; a share of them (--awaiting-pct, default 10 %) has passed
 * the review, so it awaits the senior officials. Measured R times each, one request at a time:
 *   GET /api/v1/processes?pageSize=50   vs. list every execution + Query each state, newest 50
 *   GET /api/v1/inbox (jp-senior-official)  vs. list every execution + Query each + the inbox rule
 *
 *   node dist/bench/listing.js [--processes 200] [--awaiting-pct 10] [--repeat 20] [--scan-concurrency 10]
 */
import { inboxItemsOf, sortInbox, type InboxItem } from '../apps/api/src/inbox/inbox-items';
import { getUser, principalOf } from '../libs/directory/src/directory';
import { BENCH_DEFINITIONS, BENCH_TWO_STEP } from './definitions';
import { note, withStack } from './harness';
import { passReview, PROCESSES_QUERY, scanAll, startMany, waitForCount } from './populate';
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

const APPROVER = 'jp-senior-official';

export async function main(): Promise<void> {
  const p = intFlag('processes', 200);
  const pct = intFlag('awaiting-pct', 10);
  const repeat = intFlag('repeat', 20);
  const scanC = intFlag('scan-concurrency', 10);
  await withStack({ definitions: BENCH_DEFINITIONS }, async (stack) => {
    const t0 = Date.now();
    const ids = await startMany(stack, BENCH_TWO_STEP, p);
    const advanced = ids.slice(0, Math.round((p * pct) / 100));
    await pool(advanced, 8, (id) => passReview(stack, id));
    await waitForCount(stack, `${PROCESSES_QUERY} AND ExecutionStatus = 'Running'`, p);
    await waitForCount(
      stack,
      `${PROCESSES_QUERY} AND AccordAwaitingRoles = 'JP:${APPROVER}'`,
      advanced.length,
    );
    note(`set up ${p} running processes (${advanced.length} awaiting ${APPROVER}) in ${Date.now() - t0} ms`);

    const caller = principalOf(getUser(APPROVER)!);
    const runs = {
      apiList: [] as number[],
      scanList: [] as number[],
      apiInbox: [] as number[],
      scanInbox: [] as number[],
    };
    const sizes = { apiList: 0, scanList: 0, apiInbox: 0, scanInbox: 0 };
    // One warm-up of each, then the measured rounds interleaved so both see the same server state.
    for (let round = -1; round < repeat; round++) {
      const list = await timed(() =>
        stack.api<{ items: unknown[] }>('jp-officer', 'GET', '/api/v1/processes?pageSize=50'),
      );
      const scanList = await timed(async () =>
        (await scanAll(stack, scanC)).sort((a, b) => b.startedAt.localeCompare(a.startedAt)).slice(0, 50),
      );
      const inbox = await timed(() => stack.api<InboxItem[]>(APPROVER, 'GET', '/api/v1/inbox'));
      const scanInbox = await timed(async () => {
        const now = Date.now();
        return sortInbox((await scanAll(stack, scanC)).flatMap((v) => inboxItemsOf(v, caller, [], now)));
      });
      if (round < 0) continue;
      runs.apiList.push(list.ms);
      runs.scanList.push(scanList.ms);
      runs.apiInbox.push(inbox.ms);
      runs.scanInbox.push(scanInbox.ms);
      sizes.apiList = list.value.items.length;
      sizes.scanList = scanList.value.length;
      sizes.apiInbox = inbox.value.length;
      sizes.scanInbox = scanInbox.value.length;
    }
    const s = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, summarize(v)])) as Record<
      keyof typeof runs,
      ReturnType<typeof summarize>
    >;
    const out = [
      '',
      `## listing — ${p} running processes, ${advanced.length} awaiting ${APPROVER}; ${repeat} sequential requests each; scan baseline: ${scanC} Queries in flight`,
      '',
      table(
        [...LATENCY_HEADERS.slice(0, 6), 'rows'],
        [
          [...latencyRow('GET /processes?pageSize=50 (visibility)', s.apiList).slice(0, 6), sizes.apiList],
          [
            ...latencyRow('baseline: list all + Query each, newest 50', s.scanList).slice(0, 6),
            sizes.scanList,
          ],
          [
            ...latencyRow(`GET /inbox as ${APPROVER} (visibility + Query per match)`, s.apiInbox).slice(0, 6),
            sizes.apiInbox,
          ],
          [
            ...latencyRow('baseline: list all + Query each + inbox rule', s.scanInbox).slice(0, 6),
            sizes.scanInbox,
          ],
        ],
      ),
      '',
      `baseline / API at p50: listing ${ratio(s.scanList.p50, s.apiList.p50)}, inbox ${ratio(s.scanInbox.p50, s.apiInbox.p50)}`,
      '',
    ];
    process.stdout.write(out.join('\n') + '\n');
  });
}

runIfMain(module, main);
