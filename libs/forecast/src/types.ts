import type { Span, SpanUnit } from '../../contracts/src/definition';

/** A span whose amount is known (parameters already substituted). */
export interface ResolvedSpan extends Omit<Span, 'amount'> {
  amount: number;
}

/**
 * The legal calendars the forecast uses: the same function the engine uses for due times (libs/calendars
 * computeDue), so a forecast and the real timers agree, including the test day-length compression.
 */
export type AddSpan = (from: Date, span: ResolvedSpan) => Date;

/** AddSpan with whether the answer was computed beyond published calendar data (libs/calendars DueAnswer). */
export type AnswerSpan = (from: Date, span: ResolvedSpan) => { due: Date; projected: boolean };

/**
 * Where a step's projected end comes from. `typical`: the definition's `typically`; `observed`: the median
 * duration of the step in completed processes of the same definition; `deadline`: the due time, either
 * because it is earlier than the expected end (the deadline binds) or because nothing else is known;
 * `timer`/`fixed`: a legal wait or a known date; `default`: nothing known, a default duration.
 */
export type BasisSource = 'deadline' | 'typical' | 'observed' | 'timer' | 'fixed' | 'default' | 'recorded';

/** Durations observed in completed processes of one definition: per step id, the median and how many. */
export type ObservedDurations = Record<string, { days: number; count: number }>;

export interface ForecastBasis {
  stepId: string;
  title: string;
  /** ISO instants (00:00 UTC of the civil date when days are real days). */
  start: string;
  end: string;
  /** The same as civil dates, `YYYY-MM-DD` (a due time is read in the acting party's capital). */
  startOn: string;
  endOn: string;
  source: BasisSource;
  /** The expected duration used or compared with the deadline (typical or observed), in days. */
  expectedDays?: number | null;
  /** The unit of `expectedDays` (business days, days the Diet sits, … count as such). */
  expectedUnit?: SpanUnit;
  /** With `observed`: how many completed processes it comes from. */
  observedCount?: number;
  /** The step's deadline as a date, when it has one: a limit, not an expectation. */
  dueOn?: string | null;
  /** On the path that decides the projected end. */
  critical: boolean;
  /** On the path that decides the entry into force (agreements). */
  decidesEntryIntoForce?: boolean;
  /** The active step is already past its due time: projected to finish now at the earliest. */
  overdue?: boolean;
  /**
   * The end was counted in a legislature's days beyond published calendar data (House of Commons sitting days
   * from the approximate calendar or past its years, Diet days outside the published sessions).
   */
  projected?: boolean;
}

export interface Forecast {
  /** ISO instant (00:00 UTC of the projected date when days are real days). For a closed process, when it closed. */
  projectedCompletion: string;
  /** The projected completion as a civil date, `YYYY-MM-DD`. */
  projectedCompletionOn: string;
  /** For an agreement: when it enters into force (the entry-into-force timer's projected end). */
  projectedEntryIntoForce?: string | null;
  /** The entry into force as a civil date (`YYYY-MM-DD`): the same date in Tokyo and in Ottawa. */
  projectedEntryIntoForceOn?: string | null;
  /** Remaining (active or future) steps, in walk order. */
  basis: ForecastBasis[];
  /**
   * Remaining step ids that decide the dates, longest contribution first: those deciding the entry into
   * force first, then those after it.
   */
  dominant: string[];
  /** Some end on the critical path is counted beyond published calendar data (see ForecastBasis.projected). */
  projected: boolean;
  /** Starts from what decides the entry into force (or the completion), never from a step after it. */
  explanation: string;
  computedAt: string;
}
