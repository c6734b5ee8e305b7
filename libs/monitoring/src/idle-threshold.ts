import type { ProcessDefinition, Span, StepSpec } from '../../contracts/src/definition';

/** ACCORD default when a definition sets no `idleAfter`: 14 calendar days. */
export const DEFAULT_IDLE_AFTER: Span = { amount: 14, unit: 'calendar-days' };

export function idleAfterOf(
  def: Pick<ProcessDefinition, 'idleAfter'> | undefined,
  fallback: Span = DEFAULT_IDLE_AFTER,
): Span {
  return def?.idleAfter ?? fallback;
}

/**
 * A lower bound of the wall time the span takes, whatever the calendar (business or sitting days take at
 * least as long as calendar days; a scaled test day may shorten anything): used to pre-filter candidates
 * in the visibility query; the exact threshold is then computed per process through the calendars.
 */
export function minElapsedMs(span: Span, dayLengthMs: number): number {
  const amount = typeof span.amount === 'number' ? span.amount : 0;
  const scale = Math.min(1, dayLengthMs / 86_400_000);
  const unitMs: Record<Span['unit'], number> = {
    seconds: 1000 * scale,
    minutes: 60_000 * scale,
    hours: 3_600_000 * scale,
    'calendar-days': dayLengthMs,
    'business-days': dayLengthMs,
    'sitting-days': dayLengthMs,
    'diet-days': dayLengthMs,
    months: 28 * dayLengthMs,
    'month-starts': 0,
  };
  const n =
    span.unit === 'month-starts' ? Math.max(0, amount - 1) * 28 * dayLengthMs : amount * unitMs[span.unit];
  return Math.max(0, Math.floor(n));
}

/** The legislature a step waits on: its `legislature` mark, or a timer counted in sitting or Diet days. */
export function legislatureOf(
  def: Pick<ProcessDefinition, 'steps'> | undefined,
  stepId: string,
): 'diet' | 'house-of-commons' | null {
  const find = (steps: StepSpec[]): StepSpec | undefined => {
    for (const s of steps) {
      if (s.id === stepId) return s;
      if (s.type === 'parallel')
        for (const b of s.branches) {
          const hit = find(b.steps);
          if (hit) return hit;
        }
    }
    return undefined;
  };
  const spec = def ? find(def.steps) : undefined;
  if (!spec || spec.type === 'parallel') return null;
  if (spec.legislature) return spec.legislature;
  if (spec.type === 'timer' && spec.wait?.unit === 'diet-days') return 'diet';
  if (spec.type === 'timer' && spec.wait?.unit === 'sitting-days') return 'house-of-commons';
  return null;
}

/**
 * The idle threshold of a step that waits on a legislature: the same number of days, counted in days that
 * legislature is in session (a day-based threshold only; a wall-time one, for tests, stays as it is). Days
 * out of session or after a dissolution do not count, so a legitimate wait on the Diet is not idle.
 */
export function legislativeIdleSpan<
  S extends { amount: number; unit: Span['unit']; calendar?: Span['calendar'] },
>(span: S, legislature: 'diet' | 'house-of-commons'): S {
  if (!['calendar-days', 'business-days', 'sitting-days', 'diet-days'].includes(span.unit)) return span;
  return legislature === 'diet'
    ? { ...span, unit: 'diet-days', calendar: 'JP' }
    : { ...span, unit: 'sitting-days', calendar: 'CA' };
}
