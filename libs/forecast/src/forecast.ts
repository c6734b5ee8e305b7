/**
 * Forecast of a running process: walk the steps still ahead (sequence adds up, parallel takes the longest
 * branch, conditions decided on what is known, unknown → assume taken). Each remaining step takes its
 * EXPECTED duration (observed in completed processes of the definition once there are enough, else the
 * definition's `typically`); a deadline is a limit, not an expectation: it decides the end only where it is
 * earlier than the expected end (it binds), or when nothing else is known. Timers are exact, through the
 * calendars. With real days, every date is a civil date (00:00 UTC of the day), never the process's start time
 * carried along. Pure: no I/O, no clock (now is an input), unit-tested without Temporal.
 */
import type {
  DateExpr,
  LeafStepSpec,
  Party,
  ProcessDefinition,
  Span,
  SpanUnit,
  StepSpec,
  TimerStepSpec,
} from '../../contracts/src/definition';
import type { ProcessView, StepView } from '../../contracts/src/process-view';
import { toZoned } from '../../calendars/src/civil-date';
import { TIME_ZONES } from '../../calendars/src/holidays';
import { evaluate, type KnownValues, outputValue, paramValue } from './conditions';
import type {
  AddSpan,
  AnswerSpan,
  BasisSource,
  Forecast,
  ForecastBasis,
  ObservedDurations,
  ResolvedSpan,
} from './types';

export interface ForecastInput {
  view: ProcessView;
  /** The definition the process is pinned to (getDefinition(id, version)). */
  definition: ProcessDefinition;
  now: Date;
  addSpan: AddSpan;
  /** When given, used instead of addSpan so that ends counted beyond published calendars are flagged. */
  answerSpan?: AnswerSpan;
  /** For steps with neither an expected duration nor a deadline. Default 7 calendar days. */
  defaultDuration?: ResolvedSpan;
  /** Day length (tests compress days). Default 24 h: dates are then civil dates. */
  dayLengthMs?: number;
  /** Durations of the steps in completed processes of the same definition. */
  observed?: ObservedDurations;
}

/** One completed process is an anecdote: observed durations replace `typically` from this many on. */
export const MIN_OBSERVED = 3;
const DAY = 86_400_000;
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
  expected?: { days: number; unit: SpanUnit; count?: number } | null;
  due?: Date | null;
  /** The end was counted beyond published calendar data. */
  projected?: boolean;
}

interface Walk {
  end: Date;
  /** Remaining steps on the path that decides `end`, from the start of the process. */
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
  /** Remaining steps on the path that decides the entry into force, the entry-into-force step last. */
  eifPath: ForecastBasis[] = [];
  private readonly known: KnownValues<StepView>;
  private readonly realDays: boolean;

  constructor(private readonly input: ForecastInput) {
    this.known = {
      definition: input.definition,
      parameters: input.view.parameters ?? {},
      steps: new Map(input.view.steps.map((s) => [s.id, s])),
    };
    this.realDays = (input.dayLengthMs ?? DAY) === DAY;
  }

  /**
   * With real days, an instant as its civil date (00:00 UTC of that day): a date-only instant stays, any other
   * is read in the capital of the step's party (the later date for a joint step, Tokyo being ahead).
   */
  day(t: Date, parties: Party[] = []): Date {
    if (!this.realDays || t.getTime() % DAY === 0) return t;
    const dates = (parties.length ? parties : (['UTC'] as const)).map((p) =>
      p === 'UTC' ? t.toISOString().slice(0, 10) : toZoned(t.getTime(), TIME_ZONES[p]).date,
    );
    return new Date(`${dates.sort().at(-1)}T00:00:00.000Z`);
  }

  get now(): Date {
    return this.day(this.input.now);
  }

  sequence(steps: StepSpec[], start: Date, prefix: ForecastBasis[]): Walk {
    let cursor = start;
    let critical = prefix;
    for (const step of steps) {
      const w =
        step.type === 'parallel' ? this.parallel(step, cursor, critical) : this.leaf(step, cursor, critical);
      cursor = w.end;
      critical = w.critical;
    }
    return { end: cursor, critical };
  }

  private parallel(
    step: Extract<StepSpec, { type: 'parallel' }>,
    start: Date,
    prefix: ForecastBasis[],
  ): Walk {
    if (this.skipped(step.when, step.id)) return { end: start, critical: prefix };
    let best: Walk = { end: start, critical: prefix };
    for (const branch of step.branches) {
      if (this.skipped(branch.when, null)) continue;
      const w = this.sequence(branch.steps, start, prefix);
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

  private parties(step: LeafStepSpec): Party[] {
    if (step.type === 'timer') return step.wait?.calendar ? [step.wait.calendar] : [];
    return Object.keys(step.parties ?? {}) as Party[];
  }

  private leaf(step: LeafStepSpec, cursor: Date, prefix: ForecastBasis[]): Walk {
    const view = this.known.steps.get(step.id);
    if (this.skipped(step.when, step.id)) return { end: cursor, critical: prefix };
    if (view && DONE.has(view.status)) {
      const end = view.completedAt ? this.day(new Date(view.completedAt), this.parties(step)) : cursor;
      this.ends.set(step.id, end);
      if (isEntryIntoForceStep(step)) {
        this.eif = end;
        this.eifPath = prefix;
      }
      return { end, critical: prefix };
    }
    const active = view?.status === 'active';
    const start =
      active && view?.startedAt
        ? this.day(new Date(view.startedAt), this.parties(step))
        : later(cursor, this.now);
    const p: Projected = active ? this.activeEnd(step, view!, start) : this.plannedEnd(step, start);
    const b: ForecastBasis = {
      stepId: step.id,
      title: step.title,
      start: iso(start),
      end: iso(p.end),
      startOn: iso(start).slice(0, 10),
      endOn: iso(p.end).slice(0, 10),
      source: p.source,
      critical: false,
    };
    if (step.type !== 'timer') {
      b.expectedDays = p.expected ? Math.round(p.expected.days * 10) / 10 : null;
      if (p.expected) b.expectedUnit = p.expected.unit;
      if (p.expected?.count) b.observedCount = p.expected.count;
      b.dueOn = p.due ? iso(p.due).slice(0, 10) : null;
    }
    if (p.overdue) b.overdue = true;
    if (p.projected) b.projected = true;
    this.basis.push(b);
    this.ends.set(step.id, p.end);
    const critical = [...prefix, b];
    if (isEntryIntoForceStep(step)) {
      this.eif = p.end;
      this.eifPath = critical;
    }
    return { end: p.end, critical };
  }

  /** Observed (enough completed processes), else `typically`; null when neither is known. */
  private expected(
    step: LeafStepSpec,
  ): { span: ResolvedSpan; days: number; count?: number; source: BasisSource } | null {
    const seen = this.input.observed?.[step.id];
    if (seen && seen.count >= MIN_OBSERVED && Number.isFinite(seen.days)) {
      const days = this.realDays ? Math.max(0, Math.ceil(seen.days)) : Math.max(0, seen.days);
      return { span: { amount: days, unit: 'calendar-days' }, days, count: seen.count, source: 'observed' };
    }
    const typical = step.typically && this.resolve(step.typically);
    if (!typical) return null;
    return { span: typical, days: spanDays(typical), source: 'typical' };
  }

  /** A span's end through the calendars, and whether it was counted beyond published calendar data. */
  private span(from: Date, span: ResolvedSpan): { due: Date; projected: boolean } {
    if (this.input.answerSpan) return this.input.answerSpan(from, span);
    return { due: this.input.addSpan(from, span), projected: false };
  }

  /** The expected end, unless the deadline is earlier (it binds) or is all that is known. */
  private bounded(step: LeafStepSpec, start: Date, due: Date | null, dueProjected = false): Projected {
    const exp = this.expected(step);
    const expAnswer = exp ? this.span(start, exp.span) : null;
    const expEnd = expAnswer ? this.day(expAnswer.due) : null;
    const expected = exp ? { days: exp.days, unit: exp.span.unit, count: exp.count } : null;
    const flag = (projected: boolean | undefined) => (projected ? { projected: true } : {});
    if (expEnd && due && due.getTime() < expEnd.getTime())
      return { end: due, source: 'deadline', expected, due, ...flag(dueProjected) };
    if (expEnd) return { end: expEnd, source: exp!.source, expected, due, ...flag(expAnswer?.projected) };
    if (due) return { end: due, source: 'deadline', expected, due, ...flag(dueProjected) };
    const fallback = this.span(start, this.input.defaultDuration ?? DEFAULT_DURATION);
    return { end: this.day(fallback.due), source: 'default', expected, due, ...flag(fallback.projected) };
  }

  private activeEnd(step: LeafStepSpec, view: StepView, start: Date): Projected {
    const now = this.now;
    if (step.type === 'timer' && view.dueAt) {
      const end = later(this.day(new Date(view.dueAt), this.parties(step)), now);
      return { end, source: 'timer', ...(view.dueProjected ? { projected: true } : {}) };
    }
    if (step.type === 'timer') {
      const planned = this.timerEnd(step, start);
      return { ...planned, end: later(planned.end, now) };
    }
    const due = view.dueAt ? this.day(new Date(view.dueAt), this.parties(step)) : null;
    const p = this.bounded(step, start, due, view.dueProjected === true);
    const overdue = view.dueAt !== null && Date.parse(view.dueAt) < this.input.now.getTime();
    return { ...p, end: later(p.end, now), ...(overdue ? { overdue: true } : {}) };
  }

  private plannedEnd(step: LeafStepSpec, start: Date): Projected {
    if (step.type === 'timer') return this.timerEnd(step, start);
    const within = step.deadline && this.resolve(step.deadline.within);
    const answer = within ? this.span(start, within) : null;
    const due = answer ? this.day(answer.due, this.parties(step)) : null;
    return this.bounded(step, start, due, answer?.projected === true);
  }

  private timerEnd(step: TimerStepSpec, start: Date): Projected {
    const from = step.from ? this.date(step.from) : { date: start, known: false };
    const base = from?.date ?? start;
    const wait = step.wait && this.resolve(step.wait);
    if (!wait) {
      const fixed = Boolean(step.from && from?.known);
      return { end: later(this.day(base), start), source: fixed ? 'fixed' : 'timer' };
    }
    const answer = this.span(base, wait);
    return {
      end: later(this.day(answer.due, this.parties(step)), start),
      source: 'timer',
      ...(answer.projected ? { projected: true } : {}),
    };
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

/** A span's length in words-worthy days (business and sitting days counted as such). */
function spanDays(span: ResolvedSpan): number {
  switch (span.unit) {
    case 'seconds':
      return span.amount / 86_400;
    case 'minutes':
      return span.amount / 1440;
    case 'hours':
      return span.amount / 24;
    case 'months':
      return span.amount * 30;
    default:
      return span.amount;
  }
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

const UNIT_WORDS: Partial<Record<SpanUnit, [string, string]>> = {
  'business-days': ['business day', 'business days'],
  'sitting-days': ['sitting day of the House of Commons', 'sitting days of the House of Commons'],
  'diet-days': ['day the Diet sits', 'days the Diet sits'],
  months: ['month', 'months'],
};

/** An expected duration in its own unit ("40 days the Diet sits", "14 days"). */
function amount(b: ForecastBasis): string {
  const words = (b.expectedUnit && UNIT_WORDS[b.expectedUnit]) || ['day', 'days'];
  const n = b.expectedUnit === 'months' ? (b.expectedDays ?? 0) / 30 : (b.expectedDays ?? 0);
  return plural(n, words[0], words[1]);
}

/** One step of a path in words: what its date rests on. */
function describe(b: ForecastBasis, dayLengthMs: number): string {
  const len = Math.round((ms(b) / dayLengthMs) * 10) / 10;
  const exp = b.expectedDays ?? null;
  switch (b.source) {
    case 'typical':
      return `"${b.title}" (typically ${amount(b)}, to ${b.endOn})`;
    case 'observed':
      return `"${b.title}" (${plural(exp ?? len, 'day')} as observed in ${plural(b.observedCount ?? 0, 'completed process', 'completed processes')}, to ${b.endOn})`;
    case 'deadline':
      if (b.overdue) return `"${b.title}" (overdue since ${b.dueOn}, counted as finishing ${b.endOn})`;
      return exp !== null
        ? `"${b.title}" (due ${b.endOn}, earlier than the ${amount(b)} it is expected to take: the deadline binds)`
        : `"${b.title}" (due ${b.endOn}; no expected duration known)`;
    case 'timer':
      return `"${b.title}" (a wait ending ${b.endOn})`;
    case 'fixed':
      return `"${b.title}" (on ${b.endOn})`;
    default:
      return `"${b.title}" (no expected duration known: assumed ${plural(len, 'day')}, to ${b.endOn})`;
  }
}

/** Longest contribution first. */
const byLength = (path: ForecastBasis[]) => [...path].sort((a, b) => ms(b) - ms(a)).map((b) => b.stepId);

export function forecastProcess(input: ForecastInput): Forecast {
  const { view, definition, now } = input;
  const computedAt = iso(now);
  const walker = new Walker(input);
  const start = walker.day(new Date(view.startedAt));
  if (view.status !== 'running') {
    const closed = view.closedAt ?? view.lastProgressAt ?? computedAt;
    walker.sequence(definition.steps, start, []);
    const eif = walker.eif ? iso(walker.eif) : null;
    return {
      projectedCompletion: closed,
      projectedCompletionOn: iso(walker.day(new Date(closed))).slice(0, 10),
      projectedEntryIntoForce: eif,
      projectedEntryIntoForceOn: eif?.slice(0, 10) ?? null,
      basis: [],
      dominant: [],
      projected: false,
      explanation: `The process is ${view.status}; it closed on ${closed.slice(0, 10)}.`,
      computedAt,
    };
  }
  const walk = walker.sequence(definition.steps, start, []);
  const end = later(walk.end, walker.now);
  for (const b of walk.critical) b.critical = true;
  for (const b of walker.eifPath) b.decidesEntryIntoForce = true;
  const dayMs = input.dayLengthMs ?? DAY;
  const endOn = iso(end).slice(0, 10);
  const eif = walker.eif ? iso(walker.eif) : null;
  const eifIds = new Set(walker.eifPath.map((b) => b.stepId));
  const after = walk.critical.filter((b) => !eifIds.has(b.stepId));
  const dominant = [...byLength(walker.eifPath), ...byLength(after)];
  const path = (p: ForecastBasis[]) => p.map((b) => describe(b, dayMs)).join(' → ');
  let explanation: string;
  if (eif && walker.eifPath.length) {
    explanation = `Entry into force is projected on ${eif.slice(0, 10)}. What decides it: ${path(walker.eifPath)}.`;
    const remaining = walker.basis.filter(
      (b) => !eifIds.has(b.stepId) && Date.parse(b.start) >= Date.parse(eif),
    );
    explanation += remaining.length
      ? ` After entry into force, ${plural(remaining.length, 'step remains', 'steps remain')} (${remaining
          .map((b) => `"${b.title}"`)
          .slice(0, 4)
          .join(
            ', ',
          )}${remaining.length > 4 ? ', …' : ''}); the process is projected to complete on ${endOn}.`
      : ` The process is projected to complete on ${endOn}.`;
  } else if (eif) {
    explanation = `Entry into force ${Date.parse(eif) <= now.getTime() ? 'took place' : 'is set'} on ${eif.slice(0, 10)}.`;
    explanation += walk.critical.length
      ? ` The process is projected to complete on ${endOn}: ${path(walk.critical)}.`
      : ` The process is projected to complete on ${endOn}.`;
  } else {
    explanation = walk.critical.length
      ? `Projected to complete on ${endOn}. What decides it: ${path(walk.critical)}.`
      : `Projected to complete on ${endOn}; no step remains.`;
  }
  const projected = [...walk.critical, ...walker.eifPath].some((b) => b.projected === true);
  if (projected)
    explanation +=
      ' Some of these dates are counted in parliamentary days beyond the published calendars (marked projected).';
  return {
    projectedCompletion: iso(end),
    projectedCompletionOn: endOn,
    projectedEntryIntoForce: eif,
    projectedEntryIntoForceOn: eif?.slice(0, 10) ?? null,
    basis: walker.basis,
    dominant,
    projected,
    explanation,
    computedAt,
  };
}
