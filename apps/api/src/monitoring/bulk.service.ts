/**
 * POST /monitoring/bulk: one coordinator action over every process a filter matches. The dry run lists what
 * would be touched and touches nothing; the real run acts on each (bounded) and reports each outcome.
 */
import { HttpException, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseDuration } from '../../../../libs/config/src/accord-config';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { stateQuery } from '../../../../libs/contracts/src/messages';
import type { ProcessView } from '../../../../libs/contracts/src/process-view';
import { mapLimit } from '../../../../libs/monitoring/src/limits';
import { badRequest } from '../common/api-error';
import { CoordinatorActionsService } from './coordinator-actions.service';
import type { BulkDto } from './dto/bulk.dto';
import { MonitoringContext } from './monitoring.context';

export const BULK_LIMIT = 200;
const CONFIRM_VALID_MS = 10 * 60_000;

export interface BulkMatch {
  processId: string;
  title: string;
  /** The step acted on (stuck item's step, params.stepId, or chosen when acting). */
  stepId: string | null;
  reason: string | null;
  since: string | null;
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
    const { matched, truncated } = await this.match(dto);
    const result: BulkResult = { action: dto.action, dryRun: dto.dryRun, matched, results: [], truncated };
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
          title: info.workflowId,
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

  private async act(caller: Principal, dto: BulkDto, m: BulkMatch): Promise<BulkResultItem> {
    const p = dto.params ?? {};
    let stepId = m.stepId;
    try {
      switch (dto.action) {
        case 'nudge':
          await this.actions.nudge(caller, m.processId, { stepId: stepId ?? undefined, reason: p.reason });
          break;
        case 'cancel':
          await this.actions.cancel(caller, m.processId, p.reason!);
          break;
        case 'extend': {
          const view = await this.view(m.processId);
          const step = stepId
            ? view.steps.find((s) => s.id === stepId)
            : view.steps.find((s) => s.status === 'active' && s.type !== 'timer' && s.dueAt);
          stepId = step?.id ?? stepId;
          if (!step || !stepId)
            throw badRequest([
              { field: 'params.stepId', message: 'no active step with a deadline to extend' },
            ]);
          const base = Math.max(Date.now(), step.dueAt ? Date.parse(step.dueAt) : 0);
          // A date alone is read by the deadline route (end of that day in the party's capital).
          const dueAt = p.dueAt
            ? p.dueAt
            : new Date(base + parseDuration(p.extendBy!, 'params.extendBy')).toISOString();
          await this.actions.extend(caller, m.processId, stepId, dueAt, p.reason!);
          break;
        }
        case 'reassign': {
          if (!stepId) {
            const view = await this.view(m.processId);
            stepId = view.steps.find((s) => s.status === 'active' && s.parties?.[p.party!])?.id ?? null;
          }
          if (!stepId)
            throw badRequest([{ field: 'params.stepId', message: `no active step with party ${p.party}` }]);
          await this.actions.reassign(caller, m.processId, stepId, {
            party: p.party!,
            roles: p.roles!,
            reason: p.reason!,
          });
          break;
        }
      }
      return { processId: m.processId, stepId, ok: true };
    } catch (err) {
      const statusCode = err instanceof HttpException ? err.getStatus() : 500;
      return { processId: m.processId, stepId, ok: false, statusCode, error: (err as Error).message };
    }
  }

  private async view(id: string): Promise<ProcessView> {
    return this.ctx.gateway.query(id, stateQuery);
  }
}
