/**
 * POST /monitoring/bulk: one coordinator action over every process a filter matches. The dry run lists what
 * would be touched and touches nothing; the real run acts on each (bounded) and reports each outcome.
 */
import { HttpException, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseDuration } from '../../../../libs/config/src/accord-config';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import { mapLimit } from '../../../../libs/monitoring/src/limits';
import { badRequest } from '../common/api-error';
import { CoordinatorActionsService } from './coordinator-actions.service';
import type { BulkDto } from './dto/bulk.dto';
import { MonitoringContext } from './monitoring.context';

export const BULK_LIMIT = 200;
const CONFIRM_VALID_MS = 10 * 60_000;

/** What the action changes on one process: the field, its value now and the value it would get. */
export interface BulkChange {
  field: 'dueAt' | 'roles' | 'reminder' | 'status';
  from: string | string[] | null;
  to: string | string[] | null;
}

export interface BulkMatch {
  processId: string;
  title: string;
  /** The step acted on (stuck item's step, params.stepId, or chosen when acting). */
  stepId: string | null;
  /** Its title, once the process has been read. */
  stepTitle?: string | null;
  reason: string | null;
  since: string | null;
  /** What would change (dry run) or changed (real run); null when the process could not be read. */
  change?: BulkChange | null;
  /** Why nothing would be done on this process (no step to act on, not answering). */
  problem?: string | null;
}

export interface BulkResultItem {
  processId: string;
  stepId: string | null;
  ok: boolean;
  error?: string;
  statusCode?: number;
}

export interface BulkResult {
  action: BulkDto['action'];
  dryRun: boolean;
  matched: BulkMatch[];
  results: BulkResultItem[];
  truncated: boolean;
  /** Dry runs over a filter: pass it back with dryRun=false to act on the same action, filter and params. */
  confirmToken?: string;
}

/** Keys sorted at every level, so the same request always signs the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

@Injectable()
export class BulkService {
  constructor(
    private readonly ctx: MonitoringContext,
    private readonly actions: CoordinatorActionsService,
  ) {}

  private secret?: Buffer;

  async run(caller: Principal, dto: BulkDto): Promise<BulkResult> {
    this.checkParams(dto);
    const byFilter = this.byFilter(dto);
    if (!dto.dryRun && byFilter) this.checkConfirmation(caller, dto);
    const found = await this.match(dto);
    const matched = await mapLimit(found.matched, 8, (m) => this.preview(dto, m));
    const result: BulkResult = {
      action: dto.action,
      dryRun: dto.dryRun,
      matched,
      results: [],
      truncated: found.truncated,
    };
    if (dto.dryRun) {
      if (byFilter) result.confirmToken = this.confirmToken(caller, dto, Date.now() + CONFIRM_VALID_MS);
      return result;
    }
    result.results = await mapLimit(matched, 4, (m) => this.act(caller, dto, m));
    return result;
  }

  /** Anything beyond an explicit list of processes is a filter whose real run needs confirming. */
  private byFilter(dto: BulkDto): boolean {
    const f = dto.filter;
    return Boolean(f.reason || f.party || f.definitionId || f.olderThan || !f.processIds?.length);
  }

  private confirmToken(caller: Principal, dto: BulkDto, expiresAt: number): string {
    this.secret ??= this.ctx.config.auth.jwtSecret
      ? Buffer.from(`bulk:${this.ctx.config.auth.jwtSecret}`)
      : randomBytes(32);
    const signed = canonical({
      by: caller.sub,
      action: dto.action,
      filter: dto.filter,
      params: dto.params ?? {},
      expiresAt,
    });
    return `${expiresAt}.${createHmac('sha256', this.secret).update(signed).digest('base64url')}`;
  }

  private checkConfirmation(caller: Principal, dto: BulkDto): void {
    const refuse = (message: string) => {
      throw badRequest([{ field: 'confirmToken', message }], 'CONFIRMATION_REQUIRED');
    };
    if (!dto.confirmToken)
      return refuse(
        'a real run over a filter needs the confirmToken of its dry run (same action, filter and params)',
      );
    const expiresAt = Number(dto.confirmToken.slice(0, dto.confirmToken.indexOf('.')));
    if (!(expiresAt > Date.now())) return refuse('has expired: run the dry run again');
    const expected = Buffer.from(this.confirmToken(caller, dto, expiresAt));
    const given = Buffer.from(dto.confirmToken);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      refuse('does not match this action, filter and params (or another caller ran the dry run)');
    }
  }

  private checkParams(dto: BulkDto): void {
    const f = dto.filter;
    if (!f.reason && !f.processIds?.length && !f.definitionId && !f.party) {
      throw badRequest([
        { field: 'filter', message: 'give at least one of reason, processIds, definitionId or party' },
      ]);
    }
    const p = dto.params ?? {};
    const problems: Array<{ field: string; message: string }> = [];
    if (dto.action !== 'nudge' && !p.reason)
      problems.push({ field: 'params.reason', message: `is required to ${dto.action}` });
    if (dto.action === 'extend' && !p.dueAt === !p.extendBy) {
      problems.push({ field: 'params', message: 'extend needs exactly one of dueAt or extendBy' });
    }
    if (dto.action === 'reassign') {
      if (!p.party) problems.push({ field: 'params.party', message: 'is required to reassign' });
      if (!p.roles?.length)
        problems.push({ field: 'params.roles', message: 'is required to reassign (at least one role)' });
    }
    if (problems.length) throw badRequest(problems);
  }

  private async match(dto: BulkDto): Promise<{ matched: BulkMatch[]; truncated: boolean }> {
    const f = dto.filter;
    const ids = f.processIds?.length ? new Set(f.processIds) : null;
    const out = new Map<string, BulkMatch>();
    // nudge and cancel act once per process; extend and reassign once per (process, step).
    const perStep = dto.action === 'extend' || dto.action === 'reassign';
    const add = (m: BulkMatch) => {
      const key = perStep ? `${m.processId}/${m.stepId}` : m.processId;
      if (!out.has(key)) out.set(key, perStep ? m : { ...m, stepId: dto.params?.stepId ?? null });
    };
    let truncated = false;
    if (f.reason) {
      const found = await this.ctx.finder.find({
        reasons: [f.reason],
        party: f.party,
        definitionId: f.definitionId,
        olderThanMs: f.olderThan ? parseDuration(f.olderThan, 'filter.olderThan') : undefined,
      });
      truncated = found.truncated;
      for (const i of found.items) {
        if (ids && !ids.has(i.processId)) continue;
        add({
          processId: i.processId,
          title: i.title,
          stepId: dto.params?.stepId ?? i.stepId,
          reason: i.reason,
          since: i.since,
        });
      }
    } else if (ids) {
      for (const id of ids)
        add({ processId: id, title: id, stepId: dto.params?.stepId ?? null, reason: null, since: null });
    } else {
      const query = this.ctx.finder.runningQuery({ party: f.party, definitionId: f.definitionId });
      for await (const info of this.ctx.client.workflow.list({ query })) {
        if (out.size >= BULK_LIMIT) {
          truncated = true;
          break;
        }
        add({
          processId: info.workflowId,
          title: info.typedSearchAttributes.get(SA.title) ?? info.workflowId,
          stepId: dto.params?.stepId ?? null,
          reason: null,
          since: null,
        });
      }
    }
    const matched = [...out.values()];
    if (matched.length > BULK_LIMIT) truncated = true;
    return { matched: matched.slice(0, BULK_LIMIT), truncated };
  }

  /**
   * Reads the process and says what the action would change on it, with the same choices the real run makes
   * (the step with a deadline to extend, the step of the party to reassign): title, step, old and new values.
   */
  private async preview(dto: BulkDto, m: BulkMatch): Promise<BulkMatch> {
    const p = dto.params ?? {};
    const view = await this.ctx.gateway.tryQuery(m.processId, stateQuery, 3000);
    if (!view)
      return {
        ...m,
        stepTitle: null,
        change: null,
        problem: 'the process did not answer (closed or unknown?)',
      };
    const out: BulkMatch = { ...m, title: view.title };
    const named = (id: string | null) => view.steps.find((s) => s.id === id);
    const active = view.steps.filter((s) => s.status === 'active');
    switch (dto.action) {
      case 'cancel':
        return { ...out, stepTitle: null, change: { field: 'status', from: view.status, to: 'cancelled' } };
      case 'nudge': {
        const steps = m.stepId ? active.filter((s) => s.id === m.stepId) : active;
        const keys = steps.flatMap((s) =>
          Object.entries(s.parties).flatMap(([party, pv]) =>
            (pv?.awaitedRoles ?? []).map((r) => `${party}:${r}`),
          ),
        );
        return {
          ...out,
          stepTitle: steps.map((s) => s.title).join(', ') || null,
          change: { field: 'reminder', from: null, to: [...new Set(keys)] },
          problem: keys.length ? null : 'nobody is awaited on an active step',
        };
      }
      case 'extend': {
        const step = m.stepId ? named(m.stepId) : active.find((s) => s.type !== 'timer' && s.dueAt);
        if (!step)
          return {
            ...out,
            stepTitle: null,
            change: null,
            problem: 'no active step with a deadline to extend',
          };
        const base = Math.max(Date.now(), step.dueAt ? Date.parse(step.dueAt) : 0);
        // A date alone is read by the deadline route (end of that day in the party's capital).
        const to = p.dueAt ?? new Date(base + parseDuration(p.extendBy!, 'params.extendBy')).toISOString();
        return {
          ...out,
          stepId: step.id,
          stepTitle: step.title,
          change: { field: 'dueAt', from: step.dueAt, to },
        };
      }
      case 'reassign': {
        const step = m.stepId ? named(m.stepId) : active.find((s) => s.parties?.[p.party!]);
        if (!step)
          return { ...out, stepTitle: null, change: null, problem: `no active step with party ${p.party}` };
        return {
          ...out,
          stepId: step.id,
          stepTitle: step.title,
          change: { field: 'roles', from: step.parties?.[p.party!]?.roles ?? [], to: p.roles! },
        };
      }
    }
  }

  private async act(caller: Principal, dto: BulkDto, m: BulkMatch): Promise<BulkResultItem> {
    const p = dto.params ?? {};
    const stepId = m.stepId;
    try {
      switch (dto.action) {
        case 'nudge':
          await this.actions.nudge(caller, m.processId, { stepId: stepId ?? undefined, reason: p.reason });
          break;
        case 'cancel':
          await this.actions.cancel(caller, m.processId, p.reason!);
          break;
        case 'extend':
          if (!stepId || !m.change)
            throw badRequest([{ field: 'params.stepId', message: m.problem ?? 'no step to extend' }]);
          await this.actions.extend(caller, m.processId, stepId, m.change.to as string, p.reason!);
          break;
        case 'reassign':
          if (!stepId || !m.change)
            throw badRequest([{ field: 'params.stepId', message: m.problem ?? 'no step to reassign' }]);
          await this.actions.reassign(caller, m.processId, stepId, {
            party: p.party!,
            roles: p.roles!,
            reason: p.reason!,
          });
          break;
      }
      return { processId: m.processId, stepId, ok: true };
    } catch (err) {
      const statusCode = err instanceof HttpException ? err.getStatus() : 500;
      return { processId: m.processId, stepId, ok: false, statusCode, error: (err as Error).message };
    }
  }
}
