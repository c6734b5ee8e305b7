/**
 * The process-definition format: plain data, interpreted by one workflow (workflows/process.workflow.ts).
 * Types only, so the workflow bundle can import it. The validator lives in libs/definitions.
 */
import type { SourceRef, Translations } from './i18n';
export type Party = 'JP' | 'CA';
export const PARTIES: readonly Party[] = ['JP', 'CA'];

export type ParamValue = string | number | boolean | null;
export type ParameterType = 'boolean' | 'number' | 'text' | 'date' | 'enum';

export interface ParameterSpec {
  type: ParameterType;
  title?: string;
  /** The title in French and Japanese. */
  titles?: Translations;
  description?: string;
  /** Every parameter of a shipped definition has one, so a process starts from a title alone. */
  default?: ParamValue;
  /** For `enum`. */
  options?: string[];
  /**
   * For `enum`: the name of each option in English, French and Japanese (keyed by option), so a form shows
   * names, not the option values the engine compares.
   */
  optionTitles?: Record<string, { title: string; titles?: Translations }>;
  /** For `number`. */
  min?: number;
  max?: number;
}

/** Typed outputs a task step records; later steps may read them (`{ output: 'stepId.name' }`). */
export type OutputType = 'date' | 'number' | 'text' | 'reference';
export interface OutputSpec {
  type: OutputType;
  title?: string;
  titles?: Translations;
  /** Default true. */
  required?: boolean;
}

/**
 * `all`: one approval from each listed role; `any`: one approval from any listed role;
 * `quorum: n`: n distinct approvers holding any listed role.
 */
export type ApprovalRule = 'all' | 'any' | { quorum: number };

export interface PartyAssignment {
  roles: string[];
  /** Approval steps only; default `any`. */
  rule?: ApprovalRule;
}

export type SpanUnit =
  | 'seconds'
  | 'minutes'
  | 'hours'
  | 'calendar-days'
  | 'business-days'
  | 'sitting-days'
  /** Days the National Diet is in session (recess and closure excluded: Constitution arts. 60(2), 61). */
  | 'diet-days'
  | 'months'
  /** The n-th first day of a month strictly after the start ("the first day of the Nth month after"). */
  | 'month-starts';

/** Every span unit, for validators and settings that parse one. */
export const SPAN_UNITS: readonly SpanUnit[] = [
  'seconds',
  'minutes',
  'hours',
  'calendar-days',
  'business-days',
  'sitting-days',
  'diet-days',
  'months',
  'month-starts',
];

/** A length of time; `amount` may come from a parameter. Business/sitting days name a calendar. */
export interface Span {
  amount: number | { param: string };
  unit: SpanUnit;
  /** Whose calendar: `JP`/`CA` business days; `CA` for House of Commons sitting days; `JP` for Diet days. */
  calendar?: Party;
}

/** A date known at run time. `output` is `stepId.outputName`. */
export type DateExpr =
  | { param: string }
  | { output: string }
  | { latestOf: DateExpr[] }
  | { earliestOf: DateExpr[] }
  | { stepCompleted: string };

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { param: string; equals?: ParamValue; in?: ParamValue[]; truthy?: boolean }
  | { output: string; equals?: ParamValue; in?: ParamValue[]; exists?: boolean };

export interface DeadlineSpec {
  /** Due this long after the step becomes active. */
  within: Span;
  /**
   * A joint step whose sides each count `within` in their own calendar (each party's business days, in its
   * capital): every party gets its own due time (`dueByParty`), the step as a whole is due at the latest.
   */
  perPartyCalendars?: boolean;
  /** Reminders to the awaited approvers this long before the due time. */
  remindBefore?: Span[];
  /** Escalations to coordinators this long after the due time (default: one, at the due time). */
  escalateAfter?: Span[];
}

/** What a rejection or a change request does. */
export type RouteAction = 'end' | { goto: string };

/** Who decides and under what law: shown to officials (API, docs/processes), never read by the engine. */
export interface StepReference {
  /** The authority that acts, per party, e.g. `{ JP: 'Cabinet (閣議決定)' }`. */
  authority?: Partial<Record<Party, string>>;
  /** The legal basis, e.g. "Constitution of Japan, art. 73(3)". */
  legalBasis?: string;
  sources?: SourceRef[];
  /**
   * The step waits on a legislature (its vote, its session): monitoring counts the idle threshold in its days
   * (`diet-days` for the Diet, `sitting-days` for the House of Commons), so a wait while it is out of session
   * or dissolved is not idle. A timer counted in those days needs no mark.
   */
  legislature?: 'diet' | 'house-of-commons';
}

interface StepBase extends StepReference {
  id: string;
  title: string;
  /** The title in French and Japanese. */
  titles?: Translations;
  description?: string;
  /** Skip the step (or branch) unless this holds. */
  when?: Condition;
  deadline?: DeadlineSpec;
  /** Typical duration, used by forecasts when no deadline is set. */
  typically?: Span;
}

export interface ApprovalStepSpec extends StepBase {
  type: 'approval';
  parties: Partial<Record<Party, PartyAssignment>>;
  /** Default `end` (process rejected). */
  onReject?: RouteAction;
  /** Default: back to this same step (a new round). */
  onRequestChanges?: RouteAction;
  /** After this many change rounds a further change request rejects the process. */
  maxRounds?: number;
  /** Comments (and outputs) stay within the step's one party and its coordinators; see `TaskStepSpec`. */
  internal?: boolean;
}

export interface TaskStepSpec extends StepBase {
  type: 'task';
  /** Who may record completion (any one eligible principal of any listed party). */
  parties: Partial<Record<Party, PartyAssignment>>;
  outputs?: Record<string, OutputSpec>;
  /**
   * A party's internal step (one party only): its outputs and comments are read by that party's officials
   * and coordinators, not the other party's, who see its status, dates and who acted.
   */
  internal?: boolean;
}

export interface TimerStepSpec extends StepBase {
  type: 'timer';
  /** Start of the wait; default: when the step becomes active. */
  from?: DateExpr;
  wait?: Span;
  /** Whether a coordinator may end it early (with a recorded reason). Default true. */
  waivable?: boolean;
}

export interface BranchSpec {
  id: string;
  title: string;
  titles?: Translations;
  when?: Condition;
  steps: StepSpec[];
}

export interface ParallelStepSpec extends StepReference {
  type: 'parallel';
  id: string;
  title: string;
  titles?: Translations;
  description?: string;
  when?: Condition;
  /** Joins when every branch not skipped has finished. */
  branches: BranchSpec[];
}

export type StepSpec = ApprovalStepSpec | TaskStepSpec | TimerStepSpec | ParallelStepSpec;
export type LeafStepSpec = ApprovalStepSpec | TaskStepSpec | TimerStepSpec;

export interface RoadmapReference {
  /** Section number of the roadmap, e.g. "2". */
  pillar: string;
  pillarTitle: string;
  pillarTitles?: Translations;
  /** Finer reference, e.g. a paragraph heading. */
  section?: string;
}

export interface ProcessDefinition {
  id: string;
  version: number;
  title: string;
  /** The title in French and Japanese. */
  titles?: Translations;
  description: string;
  /** The description in French and Japanese. */
  descriptions?: Translations;
  roadmap: RoadmapReference;
  parties: Party[];
  /** Roles allowed to start a process of this definition. */
  initiatorRoles: string[];
  /** No progress for this long marks a running process idle (default 14 calendar days). */
  idleAfter?: Span;
  parameters: Record<string, ParameterSpec>;
  steps: StepSpec[];
  /** The public sources the definition was checked against. */
  sources?: SourceRef[];
}
