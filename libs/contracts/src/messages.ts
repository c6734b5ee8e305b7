/**
 * Workflow, Update and Query definitions shared by the API (client side) and the workflow.
 * Decisions and completions are Updates with validators; state is read with Queries.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ProcessDefinition, ParamValue, Party } from './definition';
import type { ActingPrincipal, Principal } from './principal';
import type { DecisionKind, ProcessView, StepView, TimelineEntry } from './process-view';

export const PROCESS_WORKFLOW_TYPE = 'processWorkflow';

export interface ProcessInput {
  processId: string;
  title: string;
  /** The whole definition, pinned at start: a running process keeps the version it started with. */
  definition: ProcessDefinition;
  parameters: Record<string, ParamValue>;
  businessKey?: string | null;
  initiativeId?: string | null;
  initiator: Principal;
  /** Set when the workflow continues as new, to carry its state over. */
  carried?: unknown;
  /** Continue as new once history passes this many events (default 2,000; tests set it low). */
  historyLimit?: number;
  /** Bounds set by the API from its settings (the workflow has defaults for each). */
  limits?: ProcessLimits;
  /**
   * The first due times, computed by the API from the start instant with the same engine and calendars
   * (workflows/engine/first.ts): the workflow starts at `at` and settles from these instead of asking its
   * due-time activity, so POST /processes answers with the first deadlines after one plain start. Absent
   * from processes started before it (they settle as they did); ignored after continue-as-new.
   */
  firstDues?: FirstDues;
}

export interface FirstDues {
  /** The start instant (ISO) the process and its first steps start at. */
  at: string;
  /** What the computeDues activity would answer: `key → ISO instant` (and `key+projected` flags). */
  dues: Record<string, string>;
}

export interface ProcessLimits {
  /** Change-request rounds on an approval whose definition sets no `maxRounds` (default 20). */
  maxRounds?: number;
}

/** One page of the timeline as one run holds it (see `timelinePageQuery`). */
export interface TimelinePageRequest {
  /** Index of the first entry over the whole process (every run), from 0. */
  from: number;
  limit: number;
}

export interface TimelinePage {
  /** Entries from `from`, when this run holds them; empty when an earlier run does (see `earlierRuns`). */
  entries: TimelineEntry[];
  /** Index of the first entry this run holds, over the whole process. */
  runStart: number;
  /** Entries over the whole process so far. */
  total: number;
  /** The runs before this one that hold the first `runStart` entries, oldest first. */
  earlierRuns: Array<{ runId: string; entries: number }>;
}

interface Requested {
  principal: ActingPrincipal;
  /** Idempotency key: the same id again returns the first result and counts once. */
  requestId?: string;
}

export interface DecideInput extends Requested {
  stepId: string;
  decision: DecisionKind;
  comment?: string | null;
}

export interface CompleteInput extends Requested {
  stepId: string;
  outputs: Record<string, ParamValue>;
  comment?: string | null;
}

export interface CancelInput extends Requested {
  reason: string;
}

export interface MoveDeadlineInput extends Requested {
  stepId: string;
  dueAt: string;
  reason: string;
}

export interface WaiveTimerInput extends Requested {
  stepId: string;
  reason: string;
  /** Who granted the exception (required to waive a legal timer, e.g. the House's sitting days). */
  authority?: string | null;
}

export interface NudgeInput extends Requested {
  stepId?: string;
  /** Why the coordinator nudges (recorded in the timeline). */
  reason?: string | null;
}

export interface ReassignInput extends Requested {
  stepId: string;
  party: Party;
  roles: string[];
  reason: string;
}

export const decideUpdate = defineUpdate<StepView, [DecideInput]>('decide');
export const completeUpdate = defineUpdate<StepView, [CompleteInput]>('complete');
export const cancelUpdate = defineUpdate<ProcessView, [CancelInput]>('cancel');
export const moveDeadlineUpdate = defineUpdate<StepView, [MoveDeadlineInput]>('moveDeadline');
export const waiveTimerUpdate = defineUpdate<StepView, [WaiveTimerInput]>('waiveTimer');
export const nudgeUpdate = defineUpdate<ProcessView, [NudgeInput]>('nudge');
export const reassignUpdate = defineUpdate<StepView, [ReassignInput]>('reassign');
/**
 * Sent with the start (update-with-start): answers the process view once the workflow has settled its
 * first steps and their due times, so POST /processes answers in one round trip. Changes nothing.
 */
export const startedUpdate = defineUpdate<ProcessView, []>('started');

export const stateQuery = defineQuery<ProcessView>('state');
/** This run's timeline entries (all of them before continue-as-new: prefer `timelinePageQuery`). */
export const timelineQuery = defineQuery<TimelineEntry[]>('timeline');
/** A bounded page of the whole timeline; entries of earlier runs are read from those runs. */
export const timelinePageQuery = defineQuery<TimelinePage, [TimelinePageRequest]>('timelinePage');
