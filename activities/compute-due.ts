/**
 * Due times for timers and deadlines, delegated to libs/calendars (business days of JP/CA, House of Commons
 * sitting days, months; calendar days scaled to ACCORD_DAY_LENGTH for short test calendars). One call
 * answers several requests, to keep process histories short.
 */
import { ApplicationFailure } from '@temporalio/common';
import { computeDue, loadSittingCalendar, type DueSpan, type SittingCalendar } from '../libs/calendars/src';

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
}

export function createDueCalculator(options: DueCalculatorOptions) {
  let sitting: SittingCalendar | undefined;

  function dueOf(input: ComputeDueInput): string {
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
      if (input.span.unit === 'sitting-days') sitting ??= loadSittingCalendar(options.sittingCalendarFile);
      return computeDue(from, input.span, {
        dayLengthMs: options.dayLengthMs,
        sittingCalendar: sitting,
      }).toISOString();
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
      return dueOf(input);
    },
    /** Several at once (what the workflow uses): key → ISO instant. */
    async computeDues(requests: DueRequest[]): Promise<Record<string, string>> {
      return Object.fromEntries(requests.map((r) => [r.key, dueOf(r)]));
    },
  };
}
