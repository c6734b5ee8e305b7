/** Conditions, date expressions and span amounts, resolved against parameters and recorded outputs. */
import type { Condition, DateExpr, ParamValue, Span } from '../../libs/contracts/src/definition';
import type { EngineState } from './types';

export function outputValue(state: EngineState, ref: string): ParamValue | undefined {
  const dot = ref.indexOf('.');
  if (dot < 0) return undefined;
  return state.steps[ref.slice(0, dot)]?.outputs[ref.slice(dot + 1)];
}

function compare(
  v: ParamValue | undefined,
  c: { equals?: ParamValue; in?: ParamValue[] },
): boolean | undefined {
  if (c.equals !== undefined) return v === c.equals;
  if (c.in !== undefined) return c.in.includes(v ?? null);
  return undefined;
}

export function evaluate(state: EngineState, c: Condition | undefined): boolean {
  if (!c) return true;
  if ('all' in c) return c.all.every((x) => evaluate(state, x));
  if ('any' in c) return c.any.some((x) => evaluate(state, x));
  if ('not' in c) return !evaluate(state, c.not);
  if ('param' in c) {
    const v = state.parameters[c.param];
    const cmp = compare(v, c);
    if (cmp !== undefined) return cmp;
    if (c.truthy !== undefined) return Boolean(v) === c.truthy;
    return Boolean(v);
  }
  const v = outputValue(state, c.output);
  const cmp = compare(v, c);
  if (cmp !== undefined) return cmp;
  const exists = v !== undefined && v !== null && v !== '';
  return c.exists === undefined ? exists : exists === c.exists;
}

/** A date-only value (yyyy-mm-dd) means midnight UTC of that day. */
export function toInstant(v: ParamValue | undefined): number | null {
  if (typeof v !== 'string' || v === '') return null;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : v;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** The instant a date expression denotes now, or null when it is not known yet. */
export function resolveDate(state: EngineState, e: DateExpr): number | null {
  if ('param' in e) return toInstant(state.parameters[e.param]);
  if ('output' in e) return toInstant(outputValue(state, e.output));
  if ('stepCompleted' in e) return toInstant(state.steps[e.stepCompleted]?.completedAt ?? null);
  const all = ('latestOf' in e ? e.latestOf : e.earliestOf).map((x) => resolveDate(state, x));
  const known = all.filter((x): x is number => x !== null);
  if (known.length === 0) return null;
  return 'latestOf' in e ? Math.max(...known) : Math.min(...known);
}

export function resolveAmount(state: EngineState, span: Span): number {
  if (typeof span.amount === 'number') return span.amount;
  const v = state.parameters[span.amount.param];
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
}
