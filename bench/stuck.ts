/**
 * Coordinator monitoring from search attributes vs. the naive scan.
 *
 * P running processes under a short test calendar (ACCORD_DAY_LENGTH=1s), of which --overdue-pct (default
 * 25 %) use a one-day deadline and are overdue within seconds; the rest are due in a year. Measured R times
 * each, one request at a time:
 *   GET /api/v1/monitoring/stuck    vs. list every execution + Query + describe each, then classify
 *   GET /api/v1/monitoring/summary  vs. list every execution + Query each, then count and forecast
 *
 *   node dist/bench/stuck.js [--processes 200] [--overdue-pct 25] [--repeat 10] [--scan-concurrency 10]
 */
import type { Client } from '@temporalio/client';
import type { Party } from '../libs/contracts/src/definition';
import type { ProcessView } from '../libs/contracts/src/process-view';
import { usersWithRole } from '../libs/directory/src/directory';
import { forecastProcess } from '../libs/forecast/src/forecast';
import { calendarAddSpan } from '../libs/monitoring/src/calendar-adapter';
import { idleItems, overdueItems } from '../libs/monitoring/src/classify';
import { minElapsedMs } from '../libs/monitoring/src/idle-threshold';
import type { StuckItem } from '../libs/monitoring/src/types';
import { BENCH_DEFINITIONS, BENCH_OVERDUE, BENCH_TWO_STEP } from './definitions';
import { note, withStack, type Stack } from './harness';
import { PROCESSES_QUERY, startMany } from './populate';
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

const COORDINATOR = 'jp-coordinator';
const DAY_LENGTH = '1s';
/** Long enough that nothing is idle during the run: the overdue processes are the stuck ones. */
const IDLE_AFTER = { amount: 3650, unit: 'calendar-days' } as const;

const who = (party: Party, role: string) =>
  usersWithRole(party, role).map((u) => ({ id: u.id, name: u.name }));

interface Described {
  view: ProcessView;
  failing: boolean;
}

/** Every process execution, each Queried and described (the technical kind needs the description). */
async function scanDescribed(client: Client, concurrency: number): Promise<Described[]> {
  const ids: string[] = [];
  for await (const info of client.workflow.list({ query: PROCESSES_QUERY, pageSize: 1000 }))
    ids.push(info.workflowId);
  return pool(ids, concurrency, async (id) => {
    const handle = client.workflow.getHandle(id);
    const [view, described] = await Promise.all([handle.query<ProcessView>('state'), handle.describe()]);
    const raw = described.raw;
    const failing =
      (raw.pendingActivities ?? []).some((a) => (a.attempt ?? 1) > 1) ||
      (raw.pendingWorkflowTask?.attempt ?? 1) > 1;
    return { view, failing };
  });
}

function naiveStuck(all: Described[], now: Date, dayLengthMs: number): StuckItem[] {
  const idleMs = minElapsedMs(IDLE_AFTER, dayLengthMs);
  return all.flatMap(({ view }) => [
    ...overdueItems(view, now, who, dayLengthMs),
    ...idleItems(view, now, new Date(Date.parse(view.lastProgressAt) + idleMs), who, dayLengthMs),
  ]);
}

async function naiveSummary(stack: Stack, concurrency: number) {
  const now = new Date();
  const addSpan = calendarAddSpan(stack.config);
  const views = await pool(
    await (async () => {
      const ids: string[] = [];
      for await (const info of stack.client.workflow.list({ query: PROCESSES_QUERY, pageSize: 1000 }))
        ids.push(info.workflowId);
      return ids;
    })(),
    concurrency,
    (id) => stack.client.workflow.getHandle(id).query<ProcessView>('state'),
  );
  const byStatus: Record<string, number> = {};
  const byDefinition: Record<string, number> = {};
  const byParty: Record<string, number> = {};
  let overdue = 0;
  let latest: string | null = null;
  for (const v of views) {
    byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
    byDefinition[v.definitionId] = (byDefinition[v.definitionId] ?? 0) + 1;
    const active = v.steps.filter((s) => s.status === 'active');
    for (const party of new Set(
      active.flatMap((s) =>
        Object.entries(s.parties ?? {})
          .filter(([, p]) => p?.status === 'pending')
          .map(([k]) => k),
      ),
    )) {
      byParty[party] = (byParty[party] ?? 0) + 1;
    }
    if (active.some((s) => s.dueAt && Date.parse(s.dueAt) < now.getTime())) overdue++;
    const definition = BENCH_DEFINITIONS.find((d) => d.id === v.definitionId)!;
    const f = forecastProcess({ view: v, definition, now, addSpan, dayLengthMs: stack.config.dayLengthMs });
    if (f.projectedCompletion && (!latest || f.projectedCompletion > latest)) latest = f.projectedCompletion;
  }
  return { byStatus, byDefinition, byParty, overdue, latest };
}

export async function main(): Promise<void> {
  const p = intFlag('processes', 200);
  const pct = intFlag('overdue-pct', 25);
  const repeat = intFlag('repeat', 10);
  const scanC = intFlag('scan-concurrency', 10);
  await withStack(
    {
      definitions: BENCH_DEFINITIONS,
      dayLength: DAY_LENGTH,
      extraEnv: { ACCORD_IDLE_AFTER: `${IDLE_AFTER.amount} ${IDLE_AFTER.unit}` },
    },
    async (stack) => {
      const t0 = Date.now();
      const nOverdue = Math.round((p * pct) / 100);
      await startMany(stack, BENCH_OVERDUE, nOverdue);
      await startMany(stack, BENCH_TWO_STEP, p - nOverdue);
      // The one-day deadline passes after 1 s of wall time; wait until visibility shows every overdue one.
      const deadline = Date.now() + 60_000;
      let overdueSeen = -1;
      while (Date.now() < deadline) {
        overdueSeen = (
          await stack.client.workflow.count(
            `${PROCESSES_QUERY} AND ExecutionStatus = 'Running' AND AccordNextDueAt < '${new Date().toISOString()}'`,
          )
        ).count;
        if (overdueSeen === nOverdue) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      note(
        `set up ${p} running processes, ${overdueSeen}/${nOverdue} overdue by visibility, in ${Date.now() - t0} ms`,
      );

      const runs = {
        apiStuck: [] as number[],
        scanStuck: [] as number[],
        apiSummary: [] as number[],
        scanSummary: [] as number[],
      };
      let stuckRows = { api: 0, scan: 0, scanned: '', truncated: '' };
      let summaryFacts = { apiOverdue: -1, scanOverdue: -1 };
      for (let round = -1; round < repeat; round++) {
        const stuck = await timed(async () => {
          const res = await fetch(`${stack.apiUrl}/api/v1/monitoring/stuck`, {
            headers: { authorization: `Bearer ${stack.tokenFor(COORDINATOR)}` },
          });
          if (!res.ok)
            throw new Error(`GET /monitoring/stuck → ${res.status}: ${(await res.text()).slice(0, 300)}`);
          return {
            items: (await res.json()) as StuckItem[],
            scanned: res.headers.get('x-accord-scanned') ?? '?',
            truncated: res.headers.get('x-accord-truncated') ?? '?',
          };
        });
        const scanStuck = await timed(async () =>
          naiveStuck(await scanDescribed(stack.client, scanC), new Date(), stack.config.dayLengthMs),
        );
        const summary = await timed(() =>
          stack.api<{ overdue: number; tookMs: number }>(COORDINATOR, 'GET', '/api/v1/monitoring/summary'),
        );
        const scanSummary = await timed(() => naiveSummary(stack, scanC));
        if (round < 0) continue;
        runs.apiStuck.push(stuck.ms);
        runs.scanStuck.push(scanStuck.ms);
        runs.apiSummary.push(summary.ms);
        runs.scanSummary.push(scanSummary.ms);
        stuckRows = {
          api: stuck.value.items.length,
          scan: scanStuck.value.length,
          scanned: stuck.value.scanned,
          truncated: stuck.value.truncated,
        };
        summaryFacts = { apiOverdue: summary.value.overdue, scanOverdue: scanSummary.value.overdue };
      }
      const s = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, summarize(v)])) as Record<
        keyof typeof runs,
        ReturnType<typeof summarize>
      >;
      const row = (label: string, x: ReturnType<typeof summarize>, extra: string | number) => [
        ...latencyRow(label, x).slice(0, 6),
        extra,
      ];
      const out = [
        '',
        `## stuck — ${p} running processes, ${nOverdue} overdue (ACCORD_DAY_LENGTH=${DAY_LENGTH}); ${repeat} sequential requests each; scan baseline: ${scanC} processes in flight`,
        '',
        table(
          [...LATENCY_HEADERS.slice(0, 6), 'answer'],
          [
            row('GET /monitoring/stuck', s.apiStuck, `${stuckRows.api} items`),
            row(
              'baseline: list all + Query + describe each, classify',
              s.scanStuck,
              `${stuckRows.scan} items`,
            ),
            row('GET /monitoring/summary', s.apiSummary, `overdue ${summaryFacts.apiOverdue}`),
            row(
              'baseline: list all + Query each, count + forecast',
              s.scanSummary,
              `overdue ${summaryFacts.scanOverdue}`,
            ),
          ],
        ),
        '',
        `baseline / API at p50: stuck ${ratio(s.scanStuck.p50, s.apiStuck.p50)}, summary ${ratio(s.scanSummary.p50, s.apiSummary.p50)}`,
        `/monitoring/stuck headers: X-Accord-Scanned ${stuckRows.scanned}, X-Accord-Truncated ${stuckRows.truncated}; ` +
          `escalations delivered meanwhile: ${stack.notifications()}`,
        '',
      ];
      process.stdout.write(out.join('\n') + '\n');
    },
  );
}

runIfMain(module, main);
