/** Helpers for the engine e2e tests: start a process of an inline definition on the shared worker. */
import { randomUUID } from 'node:crypto';
import {
  WithStartWorkflowOperation,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
} from '@temporalio/client';
import type { ParamValue, ProcessDefinition } from '../../libs/contracts/src/definition';
import {
  PROCESS_WORKFLOW_TYPE,
  decideUpdate,
  completeUpdate,
  startedUpdate,
  stateQuery,
  type ProcessInput,
} from '../../libs/contracts/src/messages';
import type { ActingPrincipal } from '../../libs/contracts/src/principal';
import type { DecisionKind, ProcessView, StepView } from '../../libs/contracts/src/process-view';
import { readWholeTimeline } from '../../libs/temporal/src/timeline';
import { e2eEnv } from '../support/e2e-env';
import { testClient } from '../support/temporal-client';
import { createDueCalculator } from '../../activities/compute-due';
import { loadConfig } from '../../libs/config/src/accord-config';
import { currentRules, processView, settleNew } from '../../workflows/engine';
import { people } from './fixtures';

export type ProcessHandle = WorkflowHandle;

/** A new process's input, started by the JP officer under a fresh id. */
function newInput(
  def: ProcessDefinition,
  parameters: Record<string, ParamValue>,
  extra: Partial<ProcessInput> = {},
): ProcessInput {
  return {
    processId: `process-${def.id}-${randomUUID()}`,
    title: def.title,
    definition: def,
    parameters,
    initiator: people.jpOfficer,
    ...extra,
  };
}

export async function startProcess(
  def: ProcessDefinition,
  parameters: Record<string, ParamValue> = {},
  extra: Partial<ProcessInput> = {},
): Promise<ProcessHandle> {
  const client = await testClient();
  const input = newInput(def, parameters, extra);
  const processId = input.processId;
  return client.workflow.start(PROCESS_WORKFLOW_TYPE, {
    taskQueue: e2eEnv().taskQueue,
    workflowId: processId,
    args: [input],
  });
}

/**
 * As the API starts a process: update-with-start of the read-only `started` Update, which answers the
 * first settled view (steps active, due times computed).
 */
export async function startProcessSettled(
  def: ProcessDefinition,
  parameters: Record<string, ParamValue> = {},
): Promise<{ handle: ProcessHandle; view: ProcessView }> {
  const client = await testClient();
  const input = newInput(def, parameters);
  const processId = input.processId;
  const start = new WithStartWorkflowOperation(PROCESS_WORKFLOW_TYPE, {
    taskQueue: e2eEnv().taskQueue,
    workflowId: processId,
    args: [input],
    workflowIdConflictPolicy: 'FAIL',
  });
  const view = await client.workflow.executeUpdateWithStart(startedUpdate, { startWorkflowOperation: start });
  return { handle: (await start.workflowHandle()) as ProcessHandle, view };
}

/**
 * As POST /processes starts a process since `firstDues`: the first settled view computed here with the
 * engine and the due-time calculation (e2e day length), then one plain start with those due times.
 */
export async function startProcessWithFirstDues(
  def: ProcessDefinition,
  parameters: Record<string, ParamValue> = {},
): Promise<{ handle: ProcessHandle; view: ProcessView }> {
  const client = await testClient();
  const input = newInput(def, parameters);
  const processId = input.processId;
  const at = new Date().toISOString();
  const due = createDueCalculator({ dayLengthMs: loadConfig(process.env).dayLengthMs });
  const { engine, dues } = await settleNew(def, input, at, currentRules(undefined), due.computeDues);
  const handle = await client.workflow.start(PROCESS_WORKFLOW_TYPE, {
    taskQueue: e2eEnv().taskQueue,
    workflowId: processId,
    args: [{ ...input, firstDues: { at, dues } }],
  });
  return { handle, view: processView(engine) };
}

export function decide(
  h: ProcessHandle,
  principal: ActingPrincipal,
  stepId: string,
  decision: DecisionKind = 'approve',
  extra: { comment?: string; requestId?: string } = {},
): Promise<StepView> {
  return h.executeUpdate(decideUpdate, { args: [{ principal, stepId, decision, ...extra }] });
}

export function complete(
  h: ProcessHandle,
  principal: ActingPrincipal,
  stepId: string,
  outputs: Record<string, ParamValue> = {},
  extra: { requestId?: string } = {},
): Promise<StepView> {
  return h.executeUpdate(completeUpdate, { args: [{ principal, stepId, outputs, ...extra }] });
}

export const view = (h: ProcessHandle): Promise<ProcessView> => h.query(stateQuery);
/** The whole timeline, across continue-as-new runs. */
export const timeline = async (h: ProcessHandle) => readWholeTimeline(await testClient(), h.workflowId);

export async function step(h: ProcessHandle, id: string): Promise<StepView> {
  const v = await view(h);
  const s = v.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}

/** The typed error code an Update was rejected with (its ApplicationFailure type). */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) return (err.cause as { type?: string })?.type ?? 'NO_TYPE';
    throw err;
  }
  throw new Error('expected the Update to be rejected');
}

/** Polls until `check` holds (for timers and reminders on the compressed clock). */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (v: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (check(v)) return v;
    if (Date.now() > until)
      throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(v).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
