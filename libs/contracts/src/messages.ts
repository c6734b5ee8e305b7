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

export const stateQuery = defineQuery<ProcessView>('state');
export const timelineQuery = defineQuery<TimelineEntry[]>('timeline');
