/** Setting up many processes quickly for the read benchmarks (direct client calls: setup is not measured). */
import { randomUUID } from 'node:crypto';
import type { ProcessDefinition } from '../libs/contracts/src/definition';
import {
  decideUpdate,
  PROCESS_WORKFLOW_TYPE,
  stateQuery,
  type ProcessInput,
} from '../libs/contracts/src/messages';
import type { ProcessView } from '../libs/contracts/src/process-view';
import { initialSearchAttributes } from '../libs/contracts/src/search-attributes';
import { PROCESSES } from '../apps/api/src/processes/visibility';
import { getUser, principalOf } from '../libs/directory/src/directory';
import { DECISION_PLAN } from './definitions';
import type { Stack } from './harness';
import { pool } from './stats';

/** The API's own filter (every process, less the refused unauthenticated starts): baselines list the same. */
export const PROCESSES_QUERY = PROCESSES;

/** A process's input as the API builds it, started by jp-officer, under a new id. */
export function processInput(definition: ProcessDefinition, title: string): ProcessInput {
  return {
    processId: `proc-${randomUUID()}`,
    title,
    definition,
    parameters: {},
    businessKey: null,
    initiativeId: null,
    initiator: principalOf(getUser('jp-officer')!),
  };
}

/**
 * Starts a process the way the API does (same input and search attributes), without waiting for it; the
 * harness's client signs the start as the API's does (libs/temporal/src/update-signing.ts).
 */
export async function startDirect(
  stack: Stack,
  definition: ProcessDefinition,
  title: string,
): Promise<string> {
  const input = processInput(definition, title);
  const id = input.processId;
  const sa = initialSearchAttributes(input);
  await stack.client.workflow.start(PROCESS_WORKFLOW_TYPE, {
    taskQueue: stack.config.taskQueue,
    workflowId: id,
    args: [input],
    typedSearchAttributes: sa,
  });
  return id;
}

/** An approval sent as a Temporal Update straight from the client (no HTTP): the baseline's decision. */
export async function approveDirect(stack: Stack, id: string, stepId: string, userId: string): Promise<void> {
  await stack.client.workflow.getHandle(id).executeUpdate(decideUpdate, {
    args: [
      {
        principal: principalOf(getUser(userId)!),
        requestId: randomUUID(),
        stepId,
        decision: 'approve',
        comment: null,
      },
    ],
  });
}

/** The two review decisions: the process moves on to the sign-off (awaiting the senior officials). */
export async function passReview(stack: Stack, id: string): Promise<void> {
  for (const { stepId, userId } of DECISION_PLAN.filter((d) => d.stepId === 'review')) {
    await approveDirect(stack, id, stepId, userId);
  }
}

export async function startMany(
  stack: Stack,
  definition: ProcessDefinition,
  count: number,
  concurrency = 16,
): Promise<string[]> {
  return pool(
    Array.from({ length: count }, (_, i) => i),
    concurrency,
    (i) => startDirect(stack, definition, `bench ${definition.id} ${i}`),
  );
}

/** Waits until a visibility count reaches `expected` (visibility is eventually consistent). */
export async function waitForCount(
  stack: Stack,
  query: string,
  expected: number,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { count } = await stack.client.workflow.count(query);
    if (count === expected) return;
    if (Date.now() > deadline) throw new Error(`visibility: ${count} (expected ${expected}) for ${query}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The "scan everything" approach: list every process execution, then Query each one's state
 * (`concurrency` Queries in flight).
 */
export async function scanAll(stack: Stack, concurrency: number): Promise<ProcessView[]> {
  const ids: string[] = [];
  for await (const info of stack.client.workflow.list({ query: PROCESSES_QUERY, pageSize: 1000 }))
    ids.push(info.workflowId);
  return pool(ids, concurrency, (id) => stack.client.workflow.getHandle(id).query(stateQuery));
}
