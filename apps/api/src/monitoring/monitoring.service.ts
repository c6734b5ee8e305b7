/**
 * GET /monitoring/stuck and /monitoring/summary. Stuck-finding is libs/monitoring's StuckFinder (shared with
 * the digest activity); the summary is visibility counts plus a bounded roll-up per pillar and initiative.
 */
import { Injectable } from '@nestjs/common';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { parseDuration } from '../../../../libs/config/src/accord-config';
import { PARTIES, type Party } from '../../../../libs/contracts/src/definition';
import { PROCESS_WORKFLOW_TYPE, stateQuery } from '../../../../libs/contracts/src/messages';
import type { ProcessStatus } from '../../../../libs/contracts/src/process-view';
import type {
  InitiativeRollup,
  MonitoringSummary,
  PillarRollup,
  ProcessRollup,
} from '../../../../libs/contracts/src/http';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import { forecastProcess } from '../../../../libs/forecast/src/forecast';
import { lit, mapLimit } from '../../../../libs/monitoring/src/limits';
import { InvalidPageTokenError } from '../../../../libs/monitoring/src/stuck-finder';
import type { StuckResult } from '../../../../libs/monitoring/src/types';
import { badRequest } from '../common/api-error';
import type { StuckQueryDto } from './dto/stuck.query';
import { MonitoringContext } from './monitoring.context';

const PROCESSES = `WorkflowType = ${lit(PROCESS_WORKFLOW_TYPE)} AND ExecutionStatus != 'ContinuedAsNew'`;
const RUNNING = `${PROCESSES} AND ExecutionStatus = 'Running' AND ${SA.status.name} = 'running'`;
const STATUSES: ProcessStatus[] = ['running', 'completed', 'rejected', 'cancelled', 'failed'];
/** Running processes whose forecast the summary computes (each costs one Query). */
const FORECAST_LIMIT = 200;
const PER_PILLAR_LIMIT = 500;
const FORECAST_BUDGET_MS = 8000;

export type { InitiativeRollup, PillarRollup, ProcessRollup };
export type Summary = MonitoringSummary;

@Injectable()
export class MonitoringService {
  constructor(private readonly ctx: MonitoringContext) {}

  async stuck(q: StuckQueryDto): Promise<StuckResult> {
    try {
      return await this.ctx.finder.find({
        reasons: q.reason ? [q.reason] : undefined,
        party: q.party,
        definitionId: q.definitionId,
        olderThanMs: q.olderThan ? parseDuration(q.olderThan, 'olderThan') : undefined,
        failingPageToken: q.pageToken,
      });
    } catch (err) {
      // Not a visibility token, or one the server refuses (gRPC INVALID_ARGUMENT).
      if (q.pageToken && (err instanceof InvalidPageTokenError || (err as { code?: number }).code === 3)) {
        throw badRequest([
          { field: 'pageToken', message: 'is not valid (use X-Next-Page-Token of a previous answer)' },
        ]);
      }
      throw err;
    }
  }

  async summary(): Promise<Summary> {
    const t0 = Date.now();
    const now = new Date();
    const count = async (query: string) => (await this.ctx.client.workflow.count(query)).count;
    const definitions = this.ctx.catalogue.listDefinitions();
    const [statusCounts, defCounts, partyCounts, overdue, idle, rollup] = await Promise.all([
      // A terminated execution keeps its last AccordStatus: `running` counts live executions only.
      Promise.all(
        STATUSES.map((s) =>
          count(s === 'running' ? RUNNING : `${PROCESSES} AND ${SA.status.name} = ${lit(s)}`),
        ),
      ),
      Promise.all(
        definitions.map(async (d) => ({
          definitionId: d.id,
          title: d.title,
          running: await count(`${RUNNING} AND ${SA.definitionId.name} = ${lit(d.id)}`),
          total: await count(`${PROCESSES} AND ${SA.definitionId.name} = ${lit(d.id)}`),
        })),
      ),
      Promise.all(PARTIES.map((p) => count(`${RUNNING} AND ${SA.awaitingParties.name} = ${lit(p)}`))),
      count(`${RUNNING} AND ${SA.nextDueAt.name} < ${lit(now.toISOString())}`),
      this.ctx.finder
        .find({ reasons: ['idle'], now })
        .then((r) => ({ count: new Set(r.items.map((i) => i.processId)).size, truncated: r.truncated })),
      this.rollup(now),
    ]);
    return {
      generatedAt: now.toISOString(),
      byStatus: Object.fromEntries(STATUSES.map((s, i) => [s, statusCounts[i]!])),
      byDefinition: defCounts,
      byAwaitedParty: Object.fromEntries(PARTIES.map((p: Party, i) => [p, partyCounts[i]!])),
      overdue,
      idle: idle.count,
      ...rollup,
      truncated: rollup.truncated || idle.truncated,
      tookMs: Date.now() - t0,
    };
  }

  /** Per pillar (roadmap section) and per initiative: how far each process has come and when it should end. */
  private async rollup(now: Date): Promise<Pick<Summary, 'pillars' | 'initiatives' | 'truncated'>> {
    const titles = new Map<string, string>();
    for (const d of this.ctx.catalogue.listDefinitions()) titles.set(d.roadmap.pillar, d.roadmap.pillarTitle);
    const initiatives = this.ctx.catalogue.listInitiatives();
    for (const i of initiatives) if (!titles.has(i.pillar)) titles.set(i.pillar, i.pillarTitle);
    let truncated = false;
    const infos: WorkflowExecutionInfo[] = [];
    const pillars = [...titles.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    for (const pillar of pillars) {
      let n = 0;
      for await (const info of this.ctx.client.workflow.list({
        query: `${PROCESSES} AND ${SA.pillar.name} = ${lit(pillar)}`,
      })) {
        if (++n > PER_PILLAR_LIMIT) {
          truncated = true;
          break;
        }
        infos.push(info);
      }
    }
    const running = infos.filter(
      (i) => i.typedSearchAttributes.get(SA.status) === 'running' && i.status.name === 'RUNNING',
    );
    if (running.length > FORECAST_LIMIT) truncated = true;
    const forecasts = new Map<string, string | null>();
    // Each forecast needs the state Query: bounded per Query and in total (a process whose worker is gone
    // cannot answer), so the summary stays quick whatever runs on the cluster.
    const budgetEnd = Date.now() + FORECAST_BUDGET_MS;
    await mapLimit(running.slice(0, FORECAST_LIMIT), 8, async (info) => {
      const left = budgetEnd - Date.now();
      if (left <= 0) {
        truncated = true;
        return;
      }
      try {
        const view = await this.ctx.client.withDeadline(Date.now() + Math.min(left, 2000), () =>
          this.ctx.client.workflow.getHandle(info.workflowId).query(stateQuery),
        );
        const definition = await this.ctx.definitions.of(view);
        if (!definition) return;
        const f = forecastProcess({
          view,
          definition,
          now,
          addSpan: this.ctx.addSpan,
          dayLengthMs: this.ctx.config.dayLengthMs,
        });
        forecasts.set(info.workflowId, f.projectedCompletion);
      } catch {
        forecasts.set(info.workflowId, null);
      }
    });
    const rows = infos.map((info) => {
      const sa = info.typedSearchAttributes;
      const status = sa.get(SA.status) ?? 'unknown';
      return {
        pillar: sa.get(SA.pillar) ?? '',
        initiative: sa.get(SA.initiative) ?? null,
        p: {
          processId: info.workflowId,
          title: sa.get(SA.title) ?? info.workflowId,
          definitionId: sa.get(SA.definitionId) ?? '',
          status,
          progressPct: status === 'completed' ? 100 : (sa.get(SA.progressPct) ?? 0),
          projectedCompletion:
            forecasts.get(info.workflowId) ??
            (status === 'completed' ? (info.closeTime?.toISOString() ?? null) : null),
        } satisfies ProcessRollup,
      };
    });
    const avg = (ps: ProcessRollup[]) => {
      const live = ps.filter((p) => p.status === 'running' || p.status === 'completed');
      return live.length ? Math.round(live.reduce((s, p) => s + p.progressPct, 0) / live.length) : null;
    };
    const latest = (ps: ProcessRollup[]) =>
      ps
        .filter((p) => p.status === 'running' && p.projectedCompletion)
        .reduce<ProcessRollup | null>(
          (m, p) => (!m || p.projectedCompletion! > m.projectedCompletion! ? p : m),
          null,
        );
    return {
      truncated,
      pillars: pillars.map((pillar) => {
        const ps = rows.filter((r) => r.pillar === pillar).map((r) => r.p);
        const byStatus: Record<string, number> = {};
        for (const p of ps) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
        const last = latest(ps);
        return {
          pillar,
          pillarTitle: titles.get(pillar) ?? '',
          processes: ps.length,
          byStatus,
          averageProgressPct: avg(ps),
          projectedCompletion: last?.projectedCompletion ?? null,
          projectedCompletionOf: last?.processId ?? null,
        };
      }),
      initiatives: initiatives.map((i) => {
        const ps = rows.filter((r) => r.initiative === i.id).map((r) => r.p);
        return {
          initiativeId: i.id,
          title: i.title,
          pillar: i.pillar,
          definitionId: i.definitionId,
          averageProgressPct: avg(ps),
          projectedCompletion: latest(ps)?.projectedCompletion ?? null,
          processes: ps,
        };
      }),
    };
  }
}
