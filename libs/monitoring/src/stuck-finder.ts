/**
 * Finds stuck processes — the ONE implementation used by the API (GET /monitoring/stuck, bulk actions) and by
 * the daily digest activity. Business kinds start from visibility queries on the search attributes the
 * workflow keeps current (never a scan of every workflow); the step, party and roles come from each
 * candidate's view memo in the same listing (libs/contracts/src/view-memo.ts), and only a process that ran
 * before the memo existed is queried (bounded); the technical kind describes running executions, bounded and
 * paged.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { optionalTsToDate } from '@temporalio/common';
import type { Party, ProcessDefinition, Span } from '../../contracts/src/definition';
import { PROCESS_WORKFLOW_TYPE, stateQuery } from '../../contracts/src/messages';
import type { ProcessView } from '../../contracts/src/process-view';
import { SA } from '../../contracts/src/search-attributes';
import { VIEW_MEMO } from '../../contracts/src/view-memo';
import type { RecordedCalendars } from './calendar-adapter';
import { failingItems, idleItems, overdueItems, type UsersWithRole } from './classify';
import {
  DEFAULT_IDLE_AFTER,
  idleAfterOf,
  legislativeIdleSpan,
  legislatureOf,
  minElapsedMs,
} from './idle-threshold';
import { lit, mapLimit } from './limits';
import { DefinitionResolver } from './pinned-definition';
import { STUCK_REASONS, type StuckItem, type StuckQuery, type StuckResult } from './types';

export interface StuckFinderLimits {
  /** Candidates queried per business reason per call. */
  maxProcesses: number;
  /** Executions described per failing scan page. */
  maxDescribes: number;
  concurrency: number;
  /** Per Query of a candidate's state (a process whose worker is gone cannot answer). */
  queryTimeoutMs: number;
  /** All the Queries of one call: past it, the remaining candidates are skipped and the answer is truncated. */
  queryBudgetMs: number;
}

export interface StuckFinderDeps {
  client: Client;
  namespace: string;
  dayLengthMs: number;
  usersWithRole: UsersWithRole;
  /** Latest version of every catalogued definition (idle thresholds per definition id). */
  listDefinitions: () => Array<Pick<ProcessDefinition, 'id' | 'version' | 'idleAfter'>>;
  getDefinition: (id: string, version?: number) => ProcessDefinition | undefined;
  /**
   * The calendars (libs/calendars computeDue) with the events recorded through the API on top, for exact idle
   * thresholds: refreshed before every idle computation, so the API and the daily digest count the same days.
   */
  calendars: Pick<RecordedCalendars, 'addSpan' | 'refresh'>;
  idleDefault?: Span;
  limits?: Partial<StuckFinderLimits>;
}

export const DEFAULT_LIMITS: StuckFinderLimits = {
  maxProcesses: 500,
  maxDescribes: 100,
  concurrency: 8,
  queryTimeoutMs: 3000,
  queryBudgetMs: 10_000,
};

const RUNNING = `WorkflowType = ${lit(PROCESS_WORKFLOW_TYPE)} AND ExecutionStatus = 'Running' AND ${SA.status.name} = 'running'`;

interface Views {
  map: Map<string, ProcessView | null>;
  budgetEnd: number;
}

export class StuckFinder {
  private readonly limits: StuckFinderLimits;
  private readonly definitions: DefinitionResolver;

  constructor(private readonly deps: StuckFinderDeps) {
    this.limits = { ...DEFAULT_LIMITS, ...deps.limits };
    this.definitions = new DefinitionResolver(deps.client, deps.getDefinition);
  }

  async find(q: StuckQuery = {}): Promise<StuckResult> {
    const now = q.now ?? new Date();
    const reasons = q.reasons?.length ? q.reasons : STUCK_REASONS;
    const result: StuckResult = { items: [], scanned: 0, failingNextPageToken: null, truncated: false };
    const views: Views = { map: new Map(), budgetEnd: Date.now() + this.limits.queryBudgetMs };
    if (reasons.includes('overdue')) await this.overdue(q, now, views, result);
    if (reasons.includes('idle')) await this.idle(q, now, views, result);
    if (reasons.includes('failing')) await this.failing(q, now, result);
    result.scanned += views.map.size;
    result.items = result.items.filter(
      (i) =>
        (!q.party ||
          i.waitingOn.party === q.party ||
          (i.reason === 'failing' && i.waitingOn.party === null)) &&
        (!q.definitionId || i.definitionId === q.definitionId) &&
        (q.olderThanMs === undefined || i.stuckForMs >= q.olderThanMs) &&
        (!q.sinceAfter || Date.parse(i.since) >= q.sinceAfter.getTime()),
    );
    result.items.sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
    return result;
  }

  /** The query of the running processes matching the filter, for bulk actions and summaries. */
  runningQuery(filter: { party?: Party; definitionId?: string } = {}): string {
    return this.scoped(RUNNING, filter);
  }

  private scoped(query: string, q: { party?: Party; definitionId?: string }): string {
    let out = query;
    if (q.party) out += ` AND ${SA.awaitingParties.name} = ${lit(q.party)}`;
    if (q.definitionId) out += ` AND ${SA.definitionId.name} = ${lit(q.definitionId)}`;
    return out;
  }

  private async overdue(q: StuckQuery, now: Date, views: Views, r: StuckResult) {
    const query = this.scoped(`${RUNNING} AND ${SA.nextDueAt.name} < ${lit(now.toISOString())}`, q);
    const ids = await this.listIds(query, r, views);
    await this.loadViews(ids, views, r);
    for (const id of ids) {
      const view = views.map.get(id);
      if (view) r.items.push(...overdueItems(view, now, this.deps.usersWithRole, this.deps.dayLengthMs));
    }
  }

  private async idle(q: StuckQuery, now: Date, views: Views, r: StuckResult) {
    const fallback = this.deps.idleDefault ?? DEFAULT_IDLE_AFTER;
    const known = this.deps.listDefinitions().filter((d) => !q.definitionId || d.id === q.definitionId);
    const queries = known.map((d) => {
      const cutoff = new Date(now.getTime() - minElapsedMs(idleAfterOf(d, fallback), this.deps.dayLengthMs));
      return `${RUNNING} AND ${SA.definitionId.name} = ${lit(d.id)} AND ${SA.lastProgressAt.name} < ${lit(cutoff.toISOString())}`;
    });
    // Processes of definitions outside the catalogue (inline, retired): their threshold is read per process.
    if (!q.definitionId || !known.length) {
      const notKnown = known.length
        ? ` AND ${SA.definitionId.name} NOT IN (${known.map((d) => lit(d.id)).join(', ')})`
        : '';
      queries.push(`${RUNNING}${notKnown} AND ${SA.lastProgressAt.name} < ${lit(now.toISOString())}`);
    }
    await this.deps.calendars.refresh();
    const addSpan = this.deps.calendars.addSpan;
    const ids: string[] = [];
    for (const query of queries)
      ids.push(...(await this.listIds(this.scoped(query, { party: q.party }), r, views)));
    await this.loadViews(ids, views, r);
    for (const id of ids) {
      const view = views.map.get(id);
      if (!view) continue;
      const def = await this.definitionOf(view);
      const span = resolveSpan(idleAfterOf(def, fallback), view, def);
      const last = new Date(view.lastProgressAt);
      const since = addSpan(last, span);
      // A wait on the Diet or the House of Commons counts only the days it sits (out of session, dissolved:
      // not idle); the calendars say when that threshold falls.
      const stepSince = (step: { id: string }) => {
        const legislature = legislatureOf(def, step.id);
        return legislature ? addSpan(last, legislativeIdleSpan(span, legislature)) : null;
      };
      r.items.push(...idleItems(view, now, since, this.deps.usersWithRole, this.deps.dayLengthMs, stepSince));
    }
  }

  private async failing(q: StuckQuery, now: Date, r: StuckResult) {
    const { client, namespace } = this.deps;
    const query = this.scoped(
      `WorkflowType = ${lit(PROCESS_WORKFLOW_TYPE)} AND ExecutionStatus = 'Running'`,
      q,
    );
    const page = await client.workflowService.listWorkflowExecutions({
      namespace,
      query,
      pageSize: this.limits.maxDescribes,
      nextPageToken: q.failingPageToken ? decodePageToken(q.failingPageToken) : undefined,
    });
    const token = page.nextPageToken?.length ? Buffer.from(page.nextPageToken).toString('base64') : null;
    r.failingNextPageToken = token;
    if (token) r.truncated = true;
    const executions = page.executions ?? [];
    r.scanned += executions.length;
    const found = await mapLimit(executions, this.limits.concurrency, async (ex) => {
      const workflowId = ex.execution?.workflowId ?? '';
      const runId = ex.execution?.runId ?? undefined;
      try {
        const desc = await client.workflow.getHandle(workflowId, runId).describe();
        const d = desc.raw;
        const sa = desc.typedSearchAttributes;
        const meta = {
          processId: workflowId,
          title: sa.get(SA.title) ?? workflowId,
          definitionId: sa.get(SA.definitionId) ?? '',
          currentStep: sa.get(SA.currentSteps)?.[0] ?? null,
        };
        const described = {
          pendingActivities: (d.pendingActivities ?? []).map((a) => ({
            activityId: a.activityId,
            activityType: a.activityType,
            attempt: a.attempt,
            maximumAttempts: a.maximumAttempts,
            lastFailure: a.lastFailure,
            scheduledTime: optionalTsToDate(a.scheduledTime) ?? null,
            lastStartedTime: optionalTsToDate(a.lastStartedTime) ?? null,
          })),
          pendingWorkflowTask: d.pendingWorkflowTask
            ? {
                attempt: d.pendingWorkflowTask.attempt,
                originalScheduledTime: optionalTsToDate(d.pendingWorkflowTask.originalScheduledTime) ?? null,
                scheduledTime: optionalTsToDate(d.pendingWorkflowTask.scheduledTime) ?? null,
              }
            : null,
        };
        const wftFailing = (d.pendingWorkflowTask?.attempt ?? 1) > 1;
        const last = wftFailing ? await this.lastWorkflowTaskFailure(workflowId, runId) : null;
        return failingItems(meta, described, now, last);
      } catch {
        return [] as StuckItem[];
      }
    });
    r.items.push(...found.flat());
  }

  /** The tail of the history names why the workflow task fails (e.g. a non-deterministic change). */
  private async lastWorkflowTaskFailure(workflowId: string, runId?: string) {
    const res = await this.deps.client.workflowService.getWorkflowExecutionHistoryReverse({
      namespace: this.deps.namespace,
      execution: { workflowId, runId },
      maximumPageSize: 20,
    });
    for (const ev of res.history?.events ?? []) {
      const f = ev.workflowTaskFailedEventAttributes;
      if (f) {
        const cause = f.cause !== null && f.cause !== undefined ? String(f.cause) : null;
        return {
          at: optionalTsToDate(ev.eventTime) ?? null,
          cause: cause ? `cause ${cause}` : null,
          message: f.failure?.message ?? null,
        };
      }
    }
    return null;
  }

  /** The ids listed; the views of those that carry the view memo go straight into `views`. */
  private async listIds(query: string, r: StuckResult, views: Views): Promise<string[]> {
    const ids: string[] = [];
    for await (const info of this.deps.client.workflow.list({
      query,
      pageSize: Math.min(1000, this.limits.maxProcesses),
    })) {
      if (ids.length >= this.limits.maxProcesses) {
        r.truncated = true;
        break;
      }
      const { workflowId, memo } = info as WorkflowExecutionInfo;
      const view = memo?.[VIEW_MEMO] as ProcessView | undefined;
      if (view && !views.map.has(workflowId)) views.map.set(workflowId, view);
      ids.push(workflowId);
    }
    return ids;
  }

  private async loadViews(ids: string[], views: Views, r: StuckResult): Promise<void> {
    const todo = [...new Set(ids)].filter((id) => !views.map.has(id));
    await mapLimit(todo, this.limits.concurrency, async (id) => {
      const left = views.budgetEnd - Date.now();
      if (left <= 0) {
        r.truncated = true;
        return;
      }
      // A process whose workflow task fails, or whose worker is gone, cannot answer a Query: bounded wait
      // (the failing scan reports the former).
      const view = await this.deps.client
        .withDeadline(Date.now() + Math.min(left, this.limits.queryTimeoutMs), () =>
          this.deps.client.workflow.getHandle(id).query(stateQuery),
        )
        .catch(() => null);
      views.map.set(id, view);
    });
  }

  private definitionOf(view: ProcessView): Promise<ProcessDefinition | undefined> {
    return this.definitions.of(view);
  }
}

export class InvalidPageTokenError extends Error {}

/**
 * Visibility page tokens (SQL and Elasticsearch stores alike) are JSON: anything else is refused here, before
 * the server answers it with an internal error the client would retry for seconds.
 */
function decodePageToken(token: string): Buffer {
  const raw = Buffer.from(token, 'base64');
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (parsed && typeof parsed === 'object') return raw;
  } catch {
    /* fall through */
  }
  throw new InvalidPageTokenError('pageToken is not a token this API issued');
}

function resolveSpan(span: Span, view: ProcessView, def: ProcessDefinition | undefined) {
  if (typeof span.amount === 'number') return { ...span, amount: span.amount };
  const raw = view.parameters?.[span.amount.param] ?? def?.parameters?.[span.amount.param]?.default;
  const n = Number(raw);
  return { ...span, amount: Number.isFinite(n) ? n : 14 };
}
