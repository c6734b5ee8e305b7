/**
 * Forecast of a running process: walk the steps still ahead (sequence adds up, parallel takes the longest
 * branch, conditions decided on what is known, unknown → assume taken), giving each remaining step its
 * deadline, else its typical duration, else a default; timers exactly through the calendars. Pure: no I/O,
 * no clock (now is an input), so it is unit-tested without Temporal and can run anywhere.
 */
import type {
  DateExpr,
  LeafStepSpec,
  ProcessDefinition,
  Span,
  StepSpec,
  TimerStepSpec,
} from '../../contracts/src/definition';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import { evaluate, type KnownValues, outputValue, paramValue } from './conditions';
import type { AddSpan, AnswerSpan, BasisSource, Forecast, ForecastBasis, ResolvedSpan } from './types';

export interface ForecastInput {
  view: ProcessView;
  /** The definition the process is pinned to (getDefinition(id, version)). */
  definition: ProcessDefinition;
  now: Date;
  addSpan: AddSpan;
  /** When given, used instead of addSpan so that ends counted beyond published calendars are flagged. */
  answerSpan?: AnswerSpan;
  /** For steps with neither a deadline nor a typical duration. Default 7 calendar days. */
  defaultDuration?: ResolvedSpan;
  /** Only to word the explanation in days (tests compress days). Default 24 h. */
  dayLengthMs?: number;
}

const DEFAULT_DURATION: ResolvedSpan = { amount: 7, unit: 'calendar-days' };
const DONE = new Set(['completed', 'rejected']);
const GONE = new Set(['skipped', 'cancelled', 'not-applicable']);

/** The step that fixes the date an agreement enters into force (ids of the shipped agreement definition). */
export function isEntryIntoForceStep(step: StepSpec): boolean {
  return step.type === 'timer' && /(^|-)(entry-into-force|eif)(-|$)/.test(step.id);
}

interface Projected {
  end: Date;
  source: BasisSource;
  overdue?: boolean;
  /** Counted beyond published calendar data. */
  projected?: boolean;
}

interface Walk {
  end: Date;
  /** Remaining steps on the path that decides `end`. */
  critical: ForecastBasis[];
}

const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
const iso = (d: Date): string => d.toISOString();
const ms = (b: ForecastBasis): number => Date.parse(b.end) - Date.parse(b.start);

class Walker {
  readonly basis: ForecastBasis[] = [];
  /** Actual or projected end of every step walked so far. */
  readonly ends = new Map<string, Date>();
  eif: Date | null = null;
  private readonly known: KnownValues<StepView>;

  constructor(private readonly input: ForecastInput) {
    this.known = {
      definition: input.definition,
      parameters: input.view.parameters ?? {},
      steps: new Map(input.view.steps.map((s) => [s.id, s])),
    };
  }

  sequence(steps: StepSpec[], start: Date): Walk {
    let cursor = start;
    let critical: ForecastBasis[] = [];
    for (const step of steps) {
      const w = step.type === 'parallel' ? this.parallel(step, cursor) : this.leaf(step, cursor);
      cursor = w.end;
      critical = critical.concat(w.critical);
    }
    return { end: cursor, critical };
  }

  private parallel(step: Extract<StepSpec, { type: 'parallel' }>, start: Date): Walk {
    if (this.skipped(step.when, step.id)) return { end: start, critical: [] };
    let best: Walk = { end: start, critical: [] };
    for (const branch of step.branches) {
      if (this.skipped(branch.when, null)) continue;
      const w = this.sequence(branch.steps, start);
      if (w.end.getTime() > best.end.getTime()) best = w;
    }
    this.ends.set(step.id, best.end);
    return best;
  }

  /** A step whose condition is known false, or which the engine already skipped. */
  private skipped(when: StepSpec['when'], stepId: string | null): boolean {
    const view = stepId ? this.known.steps.get(stepId) : undefined;
    if (view && GONE.has(view.status)) return true;
    if (view && (view.status === 'active' || DONE.has(view.status))) return false;
    return evaluate(when, this.known) === false;
  }

  private leaf(step: LeafStepSpec, cursor: Date): Walk {
    const view = this.known.steps.get(step.id);
    if (this.skipped(step.when, step.id)) return { end: cursor, critical: [] };
    if (view && DONE.has(view.status)) {
      const end = view.completedAt ? new Date(view.completedAt) : cursor;
      this.ends.set(step.id, end);
      if (isEntryIntoForceStep(step)) this.eif = end;
      return { end, critical: [] };
    }
    const { now } = this.input;
    const active = view?.status === 'active';
    const start = active && view?.startedAt ? new Date(view.startedAt) : later(cursor, now);
    const { end, source, overdue, projected }: Projected = active
      ? this.activeEnd(step, view!, start)
      : this.plannedEnd(step, start);
    const b: ForecastBasis = {
      stepId: step.id,
      title: step.title,
      start: iso(start),
      end: iso(end),
      source,
      critical: false,
    };
    if (overdue) b.overdue = true;
    if (projected) b.projected = true;
    this.basis.push(b);
    this.ends.set(step.id, end);
    if (isEntryIntoForceStep(step)) this.eif = end;
    return { end, critical: [b] };
  }

  private activeEnd(step: LeafStepSpec, view: StepView, start: Date): Projected {
    const { now } = this.input;
    if (view.dueAt) {
      const due = new Date(view.dueAt);
      const projected = view.dueProjected === true ? { projected: true } : {};
      if (step.type === 'timer') return { end: later(due, now), source: 'timer', ...projected };
      return {
        end: later(due, now),
        source: 'deadline',
        overdue: due.getTime() < now.getTime(),
        ...projected,
      };
    }
    const planned = this.plannedEnd(step, start);
    return { ...planned, end: later(planned.end, now) };
  }

  /** The end of a span, flagged when counted beyond published calendar data. */
  private span(from: Date, span: ResolvedSpan, source: BasisSource): Projected {
    if (!this.input.answerSpan) return { end: this.input.addSpan(from, span), source };
    const a = this.input.answerSpan(from, span);
    return a.projected ? { end: a.due, source, projected: true } : { end: a.due, source };
  }

  private plannedEnd(step: LeafStepSpec, start: Date): Projected {
    if (step.type === 'timer') return this.timerEnd(step, start);
    const within = step.deadline && this.resolve(step.deadline.within);
    if (within) return this.span(start, within, 'deadline');
    const typical = step.typically && this.resolve(step.typically);
    if (typical) return this.span(start, typical, 'typical');
    return this.span(start, this.input.defaultDuration ?? DEFAULT_DURATION, 'default');
  }

  private timerEnd(step: TimerStepSpec, start: Date): Projected {
    const from = step.from ? this.date(step.from) : { date: start, known: false };
    const base = from?.date ?? start;
    const wait = step.wait && this.resolve(step.wait);
    if (!wait) {
      const fixed = Boolean(step.from && from?.known);
      return { end: later(base, start), source: fixed ? 'fixed' : 'timer' };
    }
    const p = this.span(base, wait, 'timer');
    return { ...p, end: later(p.end, start) };
  }

  /** A date expression with recorded values where they exist, projected step ends otherwise. */
  private date(expr: DateExpr): { date: Date; known: boolean } | null {
    if ('param' in expr) {
      const v = paramValue(this.known, expr.param);
      const d = typeof v === 'string' ? new Date(v) : null;
      return d && !Number.isNaN(d.getTime()) ? { date: d, known: true } : null;
    }
    if ('output' in expr) {
      const out = outputValue(this.known, expr.output);
      if (typeof out.value === 'string' && !Number.isNaN(Date.parse(out.value))) {
        return { date: new Date(out.value), known: true };
      }
      const projected = this.ends.get(expr.output.split('.')[0]!);
      return projected ? { date: projected, known: false } : null;
    }
    if ('stepCompleted' in expr) {
      const view = this.known.steps.get(expr.stepCompleted);
      if (view?.completedAt) return { date: new Date(view.completedAt), known: true };
      const projected = this.ends.get(expr.stepCompleted);
      return projected ? { date: projected, known: false } : null;
    }
    const parts = ('latestOf' in expr ? expr.latestOf : expr.earliestOf)
      .map((e) => this.date(e))
      .filter((d): d is { date: Date; known: boolean } => d !== null);
    if (parts.length === 0) return null;
    const pick = 'latestOf' in expr ? Math.max : Math.min;
    const t = pick(...parts.map((p) => p.date.getTime()));
    return { date: new Date(t), known: parts.every((p) => p.known) };
  }

  private resolve(span: Span): ResolvedSpan | null {
    const amount =
      typeof span.amount === 'number' ? span.amount : Number(paramValue(this.known, span.amount.param));
    if (!Number.isFinite(amount)) return null;
    return { ...span, amount };
  }
}

function days(msValue: number, dayLengthMs: number): string {
  const d = Math.round((msValue / dayLengthMs) * 10) / 10;
  return `${d} day${d === 1 ? '' : 's'}`;
}

export function forecastProcess(input: ForecastInput): Forecast {
  const { view, definition, now } = input;
  const computedAt = iso(now);
  const walker = new Walker(input);
  if (view.status !== 'running') {
    const closed = view.closedAt ?? view.lastProgressAt ?? computedAt;
    walker.sequence(definition.steps, new Date(view.startedAt));
    return {
      projectedCompletion: closed,
      projectedEntryIntoForce: walker.eif ? iso(walker.eif) : null,
      basis: [],
      dominant: [],
      projected: false,
      explanation: `The process is ${view.status}; it closed on ${closed.slice(0, 10)}.`,
      computedAt,
    };
  }
  const walk = walker.sequence(definition.steps, new Date(view.startedAt));
  const end = later(walk.end, now);
  for (const b of walk.critical) b.critical = true;
  const dominant = [...walk.critical].sort((a, b) => ms(b) - ms(a)).map((b) => b.stepId);
  const dayMs = input.dayLengthMs ?? 86_400_000;
  const top = dominant
    .slice(0, 2)
    .map((id) => walk.critical.find((b) => b.stepId === id)!)
    .map((b) => `"${b.title}" (${b.source}${b.overdue ? ', overdue' : ''}, ${days(ms(b), dayMs)})`);
  const eif = walker.eif ? iso(walker.eif) : null;
  const projected = walk.critical.some((b) => b.projected === true);
  const explanation =
    `Projected to complete on ${iso(end).slice(0, 10)}` +
    (eif ? ` (entry into force ${eif.slice(0, 10)})` : '') +
    (top.length
      ? `, driven mostly by ${top.join(' and ')} on the critical path of ${walk.critical.length} remaining step${walk.critical.length === 1 ? '' : 's'}.`
      : '; no step remains.') +
    (projected
      ? ' Some of these dates are counted in parliamentary days beyond the published calendars (marked projected).'
      : '');
  return {
    projectedCompletion: iso(end),
    projectedEntryIntoForce: eif,
    basis: walker.basis,
    dominant,
    projected,
    explanation,
    computedAt,
  };
}
