/**
 * The process view returned by the `state` Query and by GET /api/v1/processes/{id}.
 * Field names are the API contract (issue 5); more fields are welcome, none may be renamed.
 */
import type { ApprovalRule, OutputType, ParamValue, Party } from './definition';

export type ProcessStatus = 'running' | 'completed' | 'rejected' | 'cancelled' | 'failed';
export type StepStatus = 'waiting' | 'active' | 'completed' | 'rejected' | 'skipped' | 'cancelled';
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

export interface PartyView {
  roles: string[];
  rule: ApprovalRule;
  status: PartyStatus;
  decisions: DecisionView[];
}

export interface StepView {
  id: string;
  title: string;
  type: StepType;
  status: StepStatus;
  /** ISO time the step is due (deadline), or for a timer when it fires. */
  dueAt: string | null;
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
