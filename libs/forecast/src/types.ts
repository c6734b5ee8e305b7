import type { Span } from '../../contracts/src/definition';

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

export type BasisSource = 'deadline' | 'typical' | 'timer' | 'fixed' | 'default' | 'recorded';

export interface ForecastBasis {
  stepId: string;
  title: string;
  start: string;
  end: string;
  source: BasisSource;
  /** On the path that decides the projected end. */
  critical: boolean;
  /** The active step is already past its due time: projected to finish now at the earliest. */
  overdue?: boolean;
  /**
   * The end was counted in a legislature's days beyond published calendar data (House of Commons sitting days
   * from the approximate calendar or past its years, Diet days outside the published sessions).
   */
  projected?: boolean;
}

export interface Forecast {
  /** ISO time. For a closed process, when it closed. */
  projectedCompletion: string;
  /** For an agreement: when it enters into force (the entry-into-force timer's projected end). */
  projectedEntryIntoForce?: string | null;
  /** Remaining (active or future) steps, in walk order. */
  basis: ForecastBasis[];
  /** Remaining step ids on the critical path, longest contribution first. */
  dominant: string[];
  /** Some end on the critical path is counted beyond published calendar data (see ForecastBasis.projected). */
  projected: boolean;
  explanation: string;
  computedAt: string;
}
