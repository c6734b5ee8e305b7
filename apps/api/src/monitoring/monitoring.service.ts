/**
 * GET /monitoring/stuck and /monitoring/summary. Stuck-finding is libs/monitoring's StuckFinder (shared with
 * the digest activity); the summary is visibility counts plus a bounded roll-up per pillar and initiative.
 */
import { Injectable } from '@nestjs/common';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import { parseDuration } from '../../../../libs/config/src/accord-config';
import { PARTIES, type Party } from '../../../../libs/contracts/src/definition';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import type { ProcessStatus } from '../../../../libs/contracts/src/process-view';
import type {
  AtRiskItem,
  InitiativeRollup,
  MonitoringSummary,
  PillarRollup,
  ProcessRollup,
} from '../../../../libs/contracts/src/http';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import { FORECAST_MEMO } from '../../../../libs/contracts/src/forecast-memo';
import { toZoned } from '../../../../libs/calendars/src/civil-date';
import { TIME_ZONES } from '../../../../libs/calendars/src/holidays';
import { lit } from '../../../../libs/monitoring/src/limits';
import {
  FORECAST_QUERY_LIMIT,
  listedForecasts,
  type ListedForecasts,
} from '../../../../libs/monitoring/src/listed-forecasts';
import { InvalidPageTokenError } from '../../../../libs/monitoring/src/stuck-finder';
import type { StuckResult } from '../../../../libs/monitoring/src/types';
import { badRequest } from '../common/api-error';
import { clauses } from '../temporal/temporal-gateway';
import type { StuckQueryDto } from './dto/stuck.query';
import type { AtRiskQueryDto } from './dto/at-risk.query';
import { MonitoringContext } from './monitoring.context';

const { processes: PROCESSES, running: RUNNING } = clauses;
const STATUSES: ProcessStatus[] = ['running', 'completed', 'rejected', 'cancelled', 'failed'];
/** Running processes the at-risk list reads (listed; forecast from their memos, or Queried). */
const FORECAST_LIMIT = FORECAST_QUERY_LIMIT;
const PER_PILLAR_LIMIT = 500;

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
    const count = (query: string) => this.ctx.gateway.count(query);
    const definitions = this.ctx.catalogue.listDefinitions();
    const finding = this.ctx.finder.find({ now });
    const stuckIds = finding.then((found) => new Set(found.items.map((i) => i.processId)));
    void stuckIds.catch(() => undefined); // awaited by the roll-up (or it failed first: Promise.all reports that)
    const [statusCounts, defCounts, partyCounts, overdue, found, rollup] = await Promise.all([
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
      finding,
      // Listed and forecast while the stuck finder lists; it waits for the stuck ids only to mark its rows.
      this.rollup(now, stuckIds),
    ]);
    const idle = {
      count: new Set(found.items.filter((i) => i.reason === 'idle').map((i) => i.processId)).size,
      truncated: found.truncated,
    };
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

  /**
   * Running processes at risk: an active step due within `withinDays` (upcoming, not yet overdue), or, with a
   * `target` date, a projected entry into force (agreements) or completion after it. Bounded like the roll-up
   * (FORECAST_LIMIT processes listed): forecast from the listing's memos, a state Query only for a process
   * without them (libs/monitoring/src/listed-forecasts.ts); `truncated` says a bound was hit.
   */
  async atRisk(q: AtRiskQueryDto, now = new Date()): Promise<{ items: AtRiskItem[]; truncated: boolean }> {
    const target = q.target;
    if (target && new Date(`${target}T00:00:00.000Z`).toISOString().slice(0, 10) !== target) {
      throw badRequest([{ field: 'target', message: `is not a calendar date (received: "${target}")` }]);
    }
    const windowEnd = now.getTime() + (q.withinDays ?? 14) * this.ctx.config.dayLengthMs;
    const clauses = [RUNNING];
    if (q.definitionId) clauses.push(`${SA.definitionId.name} = ${lit(q.definitionId)}`);
    if (q.initiativeId) clauses.push(`${SA.initiative.name} = ${lit(q.initiativeId)}`);
    // Without a target only the due times matter: the listing can say which processes to read.
    if (!target) {
      clauses.push(
        `${SA.nextDueAt.name} <= ${lit(new Date(windowEnd).toISOString())}`,
        `${SA.nextDueAt.name} >= ${lit(new Date(now.getTime() - 366 * this.ctx.config.dayLengthMs).toISOString())}`,
      );
    }
    const running: WorkflowExecutionInfo[] = [];
    let truncated = false;
    for await (const info of this.ctx.client.workflow.list({ query: clauses.join(' AND ') })) {
      if (running.length >= FORECAST_LIMIT) {
        truncated = true;
        break;
      }
      running.push(info);
    }
    const read = await this.forecastsOf(running, now, { withViews: true });
    const items: AtRiskItem[] = [];
    for (const info of running) {
      const view = read.views.get(info.workflowId);
      if (!view) continue;
      const dueSoon = view.steps
        .filter(
          (s) =>
            s.status === 'active' &&
            s.dueAt &&
            Date.parse(s.dueAt) >= now.getTime() &&
            Date.parse(s.dueAt) <= windowEnd,
        )
        .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
        .map((s) => ({ stepId: s.id, stepTitle: s.title, dueAt: s.dueAt!, on: datesOf(s.dueAt!) }));
      const f = read.forecasts.get(info.workflowId);
      const projected = f ? (f.projectedEntryIntoForceOn ?? f.projectedCompletionOn) : null;
      const late = Boolean(target && projected && projected > target);
      if (!dueSoon.length && !late) continue;
      const forecast =
        target && f && projected
          ? {
              what: (f.projectedEntryIntoForceOn ? 'entry-into-force' : 'completion') as
                'entry-into-force' | 'completion',
              on: projected,
              target,
              lateByDays: Math.max(0, Math.round((Date.parse(projected) - Date.parse(target)) / 86_400_000)),
            }
          : null;
      const parts: string[] = [];
      if (dueSoon.length)
        parts.push(
          `"${dueSoon[0]!.stepTitle}" is due ${dueSoon[0]!.on.JP === dueSoon[0]!.on.CA ? `on ${dueSoon[0]!.on.JP}` : `on ${dueSoon[0]!.on.JP} in Tokyo (${dueSoon[0]!.on.CA} in Ottawa)`}` +
            (dueSoon.length > 1
              ? ` (and ${dueSoon.length - 1} more step${dueSoon.length > 2 ? 's' : ''})`
              : ''),
        );
      if (late && forecast)
        parts.push(
          `${forecast.what === 'entry-into-force' ? 'entry into force' : 'completion'} is projected on ${forecast.on}, ${forecast.lateByDays} days after the target ${target}`,
        );
      items.push({
        processId: view.id,
        title: view.title,
        initiativeId: view.initiativeId,
        definitionId: view.definitionId,
        reasons: [
          ...(dueSoon.length ? ['due-soon' as const] : []),
          ...(late ? ['forecast-late' as const] : []),
        ],
        dueSoon,
        forecast,
        detail: `${view.title}: ${parts.join('; ')}.`,
      });
    }
    items.sort(
      (a, b) =>
        (a.dueSoon[0]?.dueAt ?? '9999').localeCompare(b.dueSoon[0]?.dueAt ?? '9999') ||
        (b.forecast?.lateByDays ?? 0) - (a.forecast?.lateByDays ?? 0),
    );
    return { items, truncated: truncated || read.truncated };
  }

  /**
   * Per pillar (roadmap section) and per initiative: counts by status, stuck and overdue, the next legal date,
   * projected completion and entry into force, by title. A process counts under the pillar of its initiative;
   * one with no initiative counts under none (`withoutInitiative`), whatever its definition's pillar.
   */
  private async rollup(
    now: Date,
    stuckIds: Promise<Set<string>>,
  ): Promise<Pick<Summary, 'pillars' | 'initiatives' | 'withoutInitiative' | 'truncated'>> {
    const titles = new Map<string, string>();
    for (const d of this.ctx.catalogue.listDefinitions()) titles.set(d.roadmap.pillar, d.roadmap.pillarTitle);
    const initiatives = this.ctx.catalogue.listInitiatives();
    for (const i of initiatives) if (!titles.has(i.pillar)) titles.set(i.pillar, i.pillarTitle);
    const pillarOf = new Map(initiatives.map((i) => [i.id, i.pillar]));
    let truncated = false;
    const infos: WorkflowExecutionInfo[] = [];
    const pillars = [...titles.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    for (const pillar of pillars) {
      // Search attributes, and the forecast memo of the running processes only (not the larger view memo).
      const query = `${PROCESSES} AND ${SA.pillar.name} = ${lit(pillar)}`;
      let n = 0;
      let token: string | undefined;
      do {
        const page = await this.ctx.gateway.listWithMemo(
          query,
          Math.min(1000, PER_PILLAR_LIMIT + 1 - n),
          token,
          { fields: [FORECAST_MEMO], runningOnly: true },
        );
        for (const info of page.items) {
          if (++n > PER_PILLAR_LIMIT) {
            truncated = true;
            break;
          }
          infos.push(info);
        }
        token = page.nextPageToken ?? undefined;
      } while (token && n <= PER_PILLAR_LIMIT);
    }
    const running = infos.filter(
      (i) => i.typedSearchAttributes.get(SA.status) === 'running' && i.status.name === 'RUNNING',
    );
    const { forecasts, truncated: cut } = await this.forecastsOf(running, now);
    if (cut) truncated = true;
    const stuck = await stuckIds;
    const rows = infos.map((info) => {
      const sa = info.typedSearchAttributes;
      const status = sa.get(SA.status) ?? 'unknown';
      const live = status === 'running' && info.status.name === 'RUNNING';
      const initiative = sa.get(SA.initiative) ?? null;
      const f = forecasts.get(info.workflowId);
      const nextDueAt = live ? (sa.get(SA.nextDueAt)?.toISOString() ?? null) : null;
      return {
        pillar: initiative ? (pillarOf.get(initiative) ?? null) : null,
        initiative,
        p: {
          processId: info.workflowId,
          title: sa.get(SA.title) ?? info.workflowId,
          definitionId: sa.get(SA.definitionId) ?? '',
          status,
          progressPct: status === 'completed' ? 100 : (sa.get(SA.progressPct) ?? 0),
          projectedCompletion:
            f?.projectedCompletion ??
            (status === 'completed' ? (info.closeTime?.toISOString() ?? null) : null),
          projectedCompletionOn: f?.projectedCompletionOn ?? null,
          projectedEntryIntoForceOn: f?.projectedEntryIntoForceOn ?? null,
          nextDueAt,
          overdue: nextDueAt !== null && Date.parse(nextDueAt) < now.getTime(),
          stuck: live && stuck.has(info.workflowId),
        } satisfies ProcessRollup,
      };
    });
    const group = (ps: ProcessRollup[]) => {
      const byStatus: Record<string, number> = {};
      for (const p of ps) byStatus[p.status] = (byStatus[p.status] ?? 0) + 1;
      const live = ps.filter((p) => p.status === 'running' || p.status === 'completed');
      const last = ps
        .filter((p) => p.status === 'running' && p.projectedCompletion)
        .reduce<ProcessRollup | null>(
          (m, p) => (!m || p.projectedCompletion! > m.projectedCompletion! ? p : m),
          null,
        );
      const next = ps
        .filter((p) => p.status === 'running' && p.nextDueAt && Date.parse(p.nextDueAt) >= now.getTime())
        .reduce<ProcessRollup | null>((m, p) => (!m || p.nextDueAt! < m.nextDueAt! ? p : m), null);
      const eif = ps
        .filter((p) => p.projectedEntryIntoForceOn)
        .map((p) => ({ processId: p.processId, title: p.title, on: p.projectedEntryIntoForceOn! }))
        .sort((a, b) => a.on.localeCompare(b.on));
      return {
        processes: ps.length,
        byStatus,
        averageProgressPct: live.length
          ? Math.round(live.reduce((s, p) => s + p.progressPct, 0) / live.length)
          : null,
        projectedCompletion: last?.projectedCompletion ?? null,
        projectedCompletionOf: last?.processId ?? null,
        projectedCompletionOfTitle: last?.title ?? null,
        stuck: ps.filter((p) => p.stuck).length,
        overdue: ps.filter((p) => p.overdue).length,
        nextLegalDate: next
          ? {
              at: next.nextDueAt!,
              on: datesOf(next.nextDueAt!),
              processId: next.processId,
              title: next.title,
            }
          : null,
        entryIntoForce: eif,
      };
    };
    return {
      truncated,
      pillars: pillars.map((pillar) => ({
        pillar,
        pillarTitle: titles.get(pillar) ?? '',
        ...group(rows.filter((r) => r.pillar === pillar).map((r) => r.p)),
      })),
      withoutInitiative: {
        pillar: '',
        pillarTitle: 'Not linked to a roadmap initiative',
        ...group(rows.filter((r) => r.pillar === null).map((r) => r.p)),
      },
      initiatives: initiatives.map((i) => {
        const ps = rows.filter((r) => r.initiative === i.id).map((r) => r.p);
        const g = group(ps);
        return {
          initiativeId: i.id,
          title: i.title,
          pillar: i.pillar,
          definitionId: i.definitionId,
          averageProgressPct: g.averageProgressPct,
          projectedCompletion: g.projectedCompletion,
          processes: ps,
          byStatus: g.byStatus,
          stuck: g.stuck,
          overdue: g.overdue,
          nextLegalDate: g.nextLegalDate,
          projectedEntryIntoForceOn: g.entryIntoForce.at(-1)?.on ?? null,
        };
      }),
    };
  }

  /** The forecasts of listed running processes: libs/monitoring/src/listed-forecasts.ts. */
  forecastsOf(
    running: WorkflowExecutionInfo[],
    now: Date,
    options: { withViews?: boolean } = {},
  ): Promise<ListedForecasts> {
    return listedForecasts(
      running,
      now,
      {
        query: (id, timeoutMs) => this.ctx.gateway.tryQuery(id, stateQuery, timeoutMs),
        forecast: (view, at) => this.ctx.forecasts.forView(view, at),
      },
      options,
    );
  }
}

/** A due time's date in each party's capital. */
export function datesOf(at: string): Partial<Record<Party, string>> {
  const t = Date.parse(at);
  return Object.fromEntries(PARTIES.map((p) => [p, toZoned(t, TIME_ZONES[p]).date]));
}
