/**
 * The engine's state: plain, small, JSON-serialisable data (carried over continue-as-new). The definition
 * is not part of the carried state: it is pinned in ProcessInput and re-attached on restore.
 */
import type { ParamValue, Party, ProcessDefinition, Span } from '../../libs/contracts/src/definition';
import type { Principal } from '../../libs/contracts/src/principal';
import type {
  Actor,
  ChangeRequestView,
  DecisionKind,
  ProcessStatus,
  StepStatus,
  TimelineEntry,
} from '../../libs/contracts/src/process-view';
import type { ErrorCode } from '../../libs/contracts/src/errors';
import type { FieldProblem } from '../../libs/contracts/src/http';
import type { Notification } from '../../libs/contracts/src/notifications';

export interface EngineError {
  code: ErrorCode;
  message: string;
  /** Field problems (e.g. `outputs.signedOn`), so a form can show each beside its field. */
  details?: FieldProblem[];
}

export interface DecisionRecord {
  party: Party;
  /** The identity counted (onBehalfOf.sub ?? sub). */
  identity: string;
  by: string;
  byName: string;
  onBehalfOf: string | null;
  decision: DecisionKind;
  comment: string | null;
  role: string | null;
  round: number;
  at: string;
}

export interface DeadlineState {
  /** Reminders fire this many ms before dueAt; escalations this many ms after it. */
  remindOffsetsMs: number[];
  escalateOffsetsMs: number[];
  remindersSent: boolean[];
  escalationsSent: boolean[];
}

export interface StepState {
  id: string;
  status: StepStatus;
  /** Change-request rounds, from 1. */
  round: number;
  /** Bumped on each activation, so a due time computed for an earlier activation is ignored. */
  activation: number;
  startedAt: string | null;
  completedAt: string | null;
  dueAt: string | null;
  /** With `deadline.perPartyCalendars`: each party's own due time (dueAt is the latest). */
  dueByParty?: Partial<Record<Party, string>>;
  /** The due time was computed beyond published calendar data (see StepView.dueProjected). */
  dueProjected?: boolean;
  /** Set when the due-time computation failed for good: the step waits for a coordinator. */
  dueError?: string | null;
  decisions: DecisionRecord[];
  outputs: Record<string, ParamValue>;
  completedBy: Actor | null;
  /** Task steps: the party whose principal recorded completion. */
  completedParty: Party | null;
  /** Eligible roles replaced by a coordinator (reassign). */
  roleOverrides: Partial<Record<Party, string[]>>;
  deadline: DeadlineState | null;
  waiver: { by: string; reason: string; at: string; authority?: string } | null;
  /** The latest change request (or rejection routed back) that reopened this step. */
  lastChangeRequest?: ChangeRequestView | null;
  /**
   * `PARTY:role` keys that were awaited on this step when a route back withdrew it (reviewers who had not
   * decided): kept until the step is active again, so they are told why it left their inbox.
   */
  withdrawnKeys?: string[];
}

export type BlockStatus = 'waiting' | 'active' | 'completed' | 'skipped';

export interface EngineState {
  v: 1;
  processId: string;
  title: string;
  parameters: Record<string, ParamValue>;
  businessKey: string | null;
  initiativeId: string | null;
  initiator: Principal;
  status: ProcessStatus;
  startedAt: string;
  closedAt: string | null;
  lastProgressAt: string;
  outcome: { reason: string | null; by: Actor | null; stepId: string | null } | null;
  steps: Record<string, StepState>;
  blocks: Record<string, BlockStatus>;
  /** `blockId/branchId` → true when the branch was not taken. */
  skippedBranches: Record<string, boolean>;
  /** This run's timeline entries (earlier runs' entries stay in those runs: see `earlierRuns`). */
  timeline: TimelineEntry[];
  /**
   * Runs before this one (continue-as-new) whose timeline entries stay there, oldest first, with how many
   * entries each holds: the API pages the whole timeline by asking the run that holds each entry.
   */
  earlierRuns?: EarlierRun[];
  /** Request key → first result (or a compact reference to it), oldest first, bounded. */
  requests: Array<[string, unknown]>;
  /** Notifications to send through the `notify` activity (drained by the workflow). */
  outbox: Notification[];
  /** Bumped by every mutation: the workflow waits on it. */
  rev: number;
}

export interface EarlierRun {
  runId: string;
  entries: number;
}

/**
 * Behaviour switched on together by the patch `accord-20261202-trust` (issue 13): a process started
 * before it keeps the old rules while it replays, so its history stays valid.
 */
export interface EngineRules {
  /**
   * A coordinator acts on their own party's side of a step only (reassign, a side's deadline, a country's
   * timer); reassign takes roles of that party's vocabulary in the definition and never completes a step.
   */
  partySides: boolean;
  /** requestIds are scoped to (caller, action, step) and remembered as compact references. */
  scopedRequests: boolean;
  /** Change-request rounds allowed on an approval whose definition sets no `maxRounds` (null: no cap). */
  defaultMaxRounds: number | null;
  /** Decisions of old rounds leave the state (the timeline keeps them); the timeline is not carried. */
  boundedState: boolean;
  /**
   * Diet days are a legal wait too (waiving one names the authority that granted the exception), and a timer
   * counted in a legislature's days belongs to that legislature's side even without `calendar`.
   */
  legalDietWaits: boolean;
}

/** Without a setting: 20 rounds of change requests on one approval are plenty for a real review. */
export const DEFAULT_MAX_ROUNDS = 20;

export const CURRENT_RULES: EngineRules = {
  partySides: true,
  scopedRequests: true,
  defaultMaxRounds: DEFAULT_MAX_ROUNDS,
  boundedState: true,
  legalDietWaits: true,
};

/** The rules of processes started before the patch. */
export const LEGACY_RULES: EngineRules = {
  partySides: false,
  scopedRequests: false,
  defaultMaxRounds: null,
  boundedState: false,
  legalDietWaits: false,
};

/** The definition and the rules travel beside the state in every call. */
export interface Engine {
  def: ProcessDefinition;
  state: EngineState;
  rules: EngineRules;
}

/** A due time the workflow asks the computeDue activity for. */
export interface DueRequest {
  key: string;
  fromIso: string;
  span: { amount: number; unit: Span['unit']; calendar?: Party };
}
export type DueResults = Record<string, string>;
