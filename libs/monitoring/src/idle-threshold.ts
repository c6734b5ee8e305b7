import type { ProcessDefinition, Span } from '../../contracts/src/definition';

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
