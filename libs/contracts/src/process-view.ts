/**
 * The process view returned by the `state` Query and by GET /api/v1/processes/{id}.
 * Field names are the API contract (issue 5); more fields are welcome, none may be renamed.
 */
import type { ApprovalRule, OutputType, ParamValue, Party } from './definition';

export type ProcessStatus = 'running' | 'completed' | 'rejected' | 'cancelled' | 'failed';
/**
 * `not-applicable`: a step that cannot run under the current parameters and recorded outputs (its condition,
 * or its block's or branch's, is decided false); it becomes `waiting` again if a route back reopens what
 * decided it. `skipped` is a step the process actually passed over.
 */
export type StepStatus =
  'waiting' | 'active' | 'completed' | 'rejected' | 'skipped' | 'cancelled' | 'not-applicable';
export type StepType = 'approval' | 'task' | 'timer';
export type DecisionKind = 'approve' | 'reject' | 'request-changes';
export type PartyStatus = 'pending' | 'done' | 'not-required';

export interface Actor {
  sub: string;
  name: string;
  onBehalfOf?: { sub: string; name: string };
}

export interface DecisionView {
  /** Who acted. */
  by: string;
  byName: string;
  /** Whose approval it is, when acting under a delegation. */
  onBehalfOf: string | null;
  decision: DecisionKind;
  comment: string | null;
  at: string;
  /** Role under which the decision counts. */
  role: string | null;
  round: number;
}

/** A person who can act now on a party's side of a step (from the directory), directly or as a delegate. */
export interface Holder {
  sub: string;
  name: string;
  org: string;
  /** The awaited roles this person acts under (their own, or those delegated to them). */
  roles: string[];
  /** Set when the person acts as a delegate: whose approval it is. */
  onBehalfOf: { sub: string; name: string } | null;
}

export interface PartyView {
  roles: string[];
  rule: ApprovalRule;
  status: PartyStatus;
  decisions: DecisionView[];
  /**
   * The roles of this party still awaited now (decided by the engine: active step, party pending, current
   * round; under `all` the roles not yet approved). Empty when nothing is awaited from the party.
   */
  awaitedRoles: string[];
  /** The people who can act now for those roles, delegates included (added by the API). */
  holders?: Holder[];
}

/** The latest request for changes (or rejection routed back) that restarted this step's round. */
export interface ChangeRequestView {
  at: string;
  by: Actor;
  party: Party | null;
  /** Why (the decision's comment). */
  comment: string | null;
  /** The step on which it was asked, and its title. */
  fromStepId: string;
  fromStepTitle: string;
  /** The round it opened on this step. */
  round: number;
}

export interface OutputAsked {
  name: string;
  type: OutputType;
  title: string;
  required: boolean;
}

/** A due time as a date and time in a party's capital. */
export interface LocalDue {
  /** yyyy-mm-dd in that time zone. */
  date: string;
  /** HH:mm in that time zone. */
  time: string;
  timeZone: string;
}

export interface StepView {
  id: string;
  title: string;
  type: StepType;
  status: StepStatus;
  /** ISO time the step is due (deadline), or for a timer when it fires. */
  dueAt: string | null;
  /**
   * The due time was computed beyond published calendar data (House of Commons sitting days from the
   * approximate calendar or past its years, Diet days outside the published sessions): an estimate that will
   * move when the calendar is published or an interruption is recorded. Absent when exact.
   */
  dueProjected?: boolean;
  /**
   * A joint step whose sides count its deadline in their own calendars (`deadline.perPartyCalendars`): each
   * party's due time; `dueAt` is the latest of them.
   */
  dueByParty?: Partial<Record<Party, string>>;
  startedAt: string | null;
  completedAt: string | null;
  outputs: Record<string, ParamValue>;
  outputTypes: Record<string, OutputType>;
  parties: Partial<Record<Party, PartyView>>;
  /** Change-request rounds so far (approval steps), starting at 1. */
  round: number;
  /** Set for steps inside a parallel block: the block and branch ids. */
  parallel: { id: string; branch: string } | null;
  /** For timers: whether a coordinator may waive it, and the waiver if any. */
  waivable?: boolean;
  /** `authority`: who granted the exception, for a legal wait. */
  waiver?: { by: string; reason: string; at: string; authority?: string } | null;
  /** Task steps: the outputs to record, in definition order (name, type, title, required). */
  outputsAsked?: OutputAsked[];
  /** The latest change request that restarted this step (null if none). */
  latestChangeRequest?: ChangeRequestView | null;
  /**
   * For a step a route back returned to waiting: the `PARTY:role` keys that were awaited on it and lost it
   * from their inbox (reviewers who had not decided); gone once the step is active again.
   */
  withdrawnFrom?: string[];
  /** For a waiting step: the steps it waits for (ids). */
  waitsFor?: string[];
  /** For a `not-applicable` step: why, in words. */
  notApplicableBecause?: string | null;
  /** `dueAt` as a local date and time per party's capital (Asia/Tokyo, America/Toronto); added by the API. */
  dueLocal?: Partial<Record<Party, LocalDue>> | null;
  /**
   * Set (by the API) when the step is internal to a party the reader is not of: its outputs and comments are
   * left out of this answer.
   */
  internalTo?: Party;
}

/** "Now / next / waiting on", short enough to read aloud (added by the API from the view). */
export interface ProcessSummaryText {
  /** Active steps, by title. */
  now: string[];
  /** Steps that become active when the current ones finish, by title. */
  next: string[];
  /** Per awaited party: who (names and organisations) is awaited, on which step. */
  waitingOn: string[];
  /** The three above as one paragraph. */
  text: string;
}

export interface ProcessView {
  id: string;
  title: string;
  definitionId: string;
  definitionVersion: number;
  definitionTitle: string;
  status: ProcessStatus;
  businessKey: string | null;
  initiativeId: string | null;
  parameters: Record<string, ParamValue>;
  initiator: Actor;
  startedAt: string;
  closedAt: string | null;
  /** Why a closed process ended (rejection comment, cancellation reason). */
  outcome: { reason: string | null; by: Actor | null; stepId: string | null } | null;
  lastProgressAt: string;
  /**
   * True for the moment after a start or a transition while the workflow computes the due times of newly
   * active steps (calendar-aware, by an activity); their `dueAt` is then still null.
   */
  dueTimesPending: boolean;
  steps: StepView[];
  /** Step ids that become active when the current ones finish (decided by the engine). */
  nextStepIds?: string[];
  /** Added by the API: "now / next / waiting on". */
  summary?: ProcessSummaryText;
}

export type TimelineKind =
  | 'started'
  | 'step-activated'
  | 'step-skipped'
  | 'decision'
  | 'step-completed'
  | 'step-rejected'
  | 'routed-back'
  | 'completion'
  | 'timer-fired'
  | 'timer-waived'
  | 'reminder'
  | 'escalation'
  | 'deadline-moved'
  | 'due-recomputed'
  | 'reassigned'
  | 'nudged'
  | 'cancelled'
  | 'completed'
  | 'rejected';

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  actor: Actor | null;
  stepId: string | null;
  /** Human-readable summary. */
  detail: string;
  comment?: string | null;
  data?: Record<string, ParamValue>;
}

/** How POST /processes read the request: the initiative used and what it brought (added to the 201 answer). */
export interface StartNote {
  initiativeId: string | null;
  initiativeTitle: string | null;
  definitionId: string;
  /** The initiative's known parameters that were applied (the caller's own values override them). */
  parametersFromInitiative: Record<string, ParamValue>;
  /** Initiative parameters the caller gave another value. */
  parametersOverridden: string[];
  /** The above in one sentence. */
  message: string;
}
