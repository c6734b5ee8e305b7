/**
 * Due times for timers and deadlines, delegated to libs/calendars (business days of JP/CA, House of Commons
 * sitting days, Diet days, months; calendar days scaled to ACCORD_DAY_LENGTH for short test calendars). One
 * call answers several requests, to keep process histories short.
 *
 * Sitting and Diet days are counted on the shipped calendars with the events recorded through the API on top
 * (read fresh on every call that needs them, so a process told that a calendar changed sees the change), and
 * an answer computed beyond published calendar data is flagged (`key + DUE_PROJECTED_SUFFIX`).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { CalendarEvent } from '../libs/contracts/src/calendar-events';
import { DUE_PROJECTED_SUFFIX } from '../libs/contracts/src/due';
import {
  computeDueAnswer,
  loadDietCalendar,
  loadSittingCalendar,
  withDietEvents,
  withSittingEvents,
  type DietCalendar,
  type DueSpan,
  type SittingCalendar,
} from '../libs/calendars/src';

export interface ComputeDueInput {
  fromIso: string;
  span: DueSpan;
}
export interface DueRequest extends ComputeDueInput {
  key: string;
}

export interface DueCalculatorOptions {
  dayLengthMs: number;
  sittingCalendarFile?: string;
  /** The events recorded through the API (none when absent). */
  calendarEvents?: () => Promise<CalendarEvent[]>;
}

interface Calendars {
  sitting?: SittingCalendar;
  diet?: DietCalendar;
}

const PARLIAMENTARY = new Set(['sitting-days', 'diet-days']);

export function createDueCalculator(options: DueCalculatorOptions) {
  let shippedSitting: SittingCalendar | undefined;

  async function calendarsFor(inputs: ComputeDueInput[]): Promise<Calendars> {
    if (!inputs.some((i) => PARLIAMENTARY.has(i?.span?.unit))) return {};
    shippedSitting ??= loadSittingCalendar(options.sittingCalendarFile);
    const events = options.calendarEvents ? await options.calendarEvents() : [];
    return {
      sitting: withSittingEvents(shippedSitting, events),
      diet: withDietEvents(loadDietCalendar(), events),
    };
  }

  function dueOf(input: ComputeDueInput, cals: Calendars): { due: string; projected: boolean } {
    const from = new Date(input?.fromIso);
    const amount = input?.span?.amount;
    if (
      Number.isNaN(from.getTime()) ||
      typeof amount !== 'number' ||
      !Number.isFinite(amount) ||
      amount < 0
    ) {
      throw ApplicationFailure.create({
        type: 'INVALID_INPUT',
        message: `Cannot compute a due time from ${JSON.stringify(input)}`,
        nonRetryable: true,
      });
    }
    try {
      const a = computeDueAnswer(from, input.span, {
        dayLengthMs: options.dayLengthMs,
        sittingCalendar: cals.sitting,
        dietCalendar: cals.diet,
      });
      return { due: a.due.toISOString(), projected: a.projected };
    } catch (err) {
      // A span the calendars cannot resolve (unknown unit, calendar outside its data) will not improve on retry.
      throw ApplicationFailure.create({
        type: 'INVALID_INPUT',
        message: `Cannot compute a due time: ${(err as Error).message}`,
        nonRetryable: true,
        cause: err as Error,
      });
    }
  }

  return {
    /** One due time: an ISO wall-clock instant. */
    async computeDue(input: ComputeDueInput): Promise<string> {
      return dueOf(input, await calendarsFor([input])).due;
    },
    /** Several at once (what the workflow uses): key → ISO instant, and key+projected for projections. */
    async computeDues(requests: DueRequest[]): Promise<Record<string, string>> {
      const cals = await calendarsFor(requests);
      const out: Record<string, string> = {};
      for (const r of requests) {
        const a = dueOf(r, cals);
        out[r.key] = a.due;
        if (a.projected) out[r.key + DUE_PROJECTED_SUFFIX] = 'projected';
      }
      return out;
    },
  };
}
