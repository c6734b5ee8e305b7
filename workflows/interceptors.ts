/**
 * Workflow interceptors the Accord worker installs (apps/worker/src/worker.module.ts, `workflowModules`).
 *
 * Every Update must carry the API's proof (libs/contracts/src/update-proof.ts) over its workflow id, name
 * and arguments: the principal in an Update is then the one the API authenticated, not whatever a client
 * that reaches Temporal's frontend wrote. The check runs in the Update validator path, so a rejected
 * Update writes nothing to history; it is pure (HMAC in JavaScript, the workflow clock), and validators
 * do not run on replay, so no command changes and old histories replay as before. The SDK runs this
 * only for an Update registered with a validator: every Update handler in workflows/ has one (an empty
 * one where it checks nothing itself).
 *
 * The start of a process must carry the API's proof too (`accord-20261202-signed-start`), and so must the
 * start of the stores whose input is their state (delegations, recorded calendar events: a forged start
 * would give someone delegated roles, or move every due time). A process run started
 * without it (by any client that reaches the frontend, with any initiator, definition or parameters) fails
 * in its first activation with UNAUTHENTICATED_START, before the process code runs: no step activated, no
 * notification, no timer; the search attributes and memo its starter set are removed and AccordStatus says
 * `unauthenticated`, which every listing of the API leaves out. A run continued as new by the workflow
 * itself is not checked again (its start was). The outcome is recorded as a patch marker (signed or
 * refused) and replay follows the marker, not the keys: a key withdrawn since, or a replayer without keys,
 * replays the run as it ran. Histories recorded before the check have neither marker and replay as before.
 */
import {
  ApplicationFailure,
  defaultPayloadConverter,
  type Payload,
  type SearchAttributeUpdatePair,
} from '@temporalio/common';
import {
  patched,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
  type WorkflowInfo,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import { CALENDAR_EVENTS_WORKFLOW_TYPE } from '../libs/contracts/src/calendar-events';
import { DELEGATIONS_WORKFLOW_TYPE } from '../libs/contracts/src/delegations';
import { PROCESS_WORKFLOW_TYPE } from '../libs/contracts/src/messages';
import { SA } from '../libs/contracts/src/search-attributes';
import {
  START_PROOF_HEADER,
  UNAUTHENTICATED_START,
  UPDATE_PROOF_HEADER,
  checkStartProof,
  checkUpdateProof,
  type UpdateKeyRing,
} from '../libs/contracts/src/update-proof';

/** Replaced at bundle time by the worker (webpack DefinePlugin) with its update keys: never in history. */
declare const __ACCORD_UPDATE_KEYS__: UpdateKeyRing | undefined;

const keys: UpdateKeyRing = typeof __ACCORD_UPDATE_KEYS__ === 'undefined' ? {} : __ACCORD_UPDATE_KEYS__;

/** The start carried a valid proof (recorded in the run's first workflow task). */
export const SIGNED_START_PATCH = 'accord-20261202-signed-start';
/** The start carried none, or an invalid one: the run failed with UNAUTHENTICATED_START. */
export const REFUSED_START_PATCH = 'accord-20261202-signed-start-refused';

/** The workflows whose start is checked: the API starts them, and their input is what they act on. */
const SIGNED_STARTS = new Set([
  PROCESS_WORKFLOW_TYPE,
  DELEGATIONS_WORKFLOW_TYPE,
  CALENDAR_EVENTS_WORKFLOW_TYPE,
]);

/** AccordStatus of a refused run: every listing of the API leaves it out (apps/api/src/processes/visibility.ts). */
export const UNAUTHENTICATED_STATUS = 'unauthenticated';

function stringOf(header: Payload | undefined): unknown {
  try {
    return header ? defaultPayloadConverter.fromPayload(header) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A run the workflow continued as new itself: its start was checked. Not a retry (attempt > 1) nor a cron
 * run: those begin again from what a client sent, so they are checked like a first start.
 */
const continuedByItself = (info: WorkflowInfo) =>
  info.continuedFromExecutionRunId !== undefined && !info.cronSchedule && info.attempt === 1;

/**
 * Why this run's start is refused, or null. Decided once, in the first activation, and recorded: on replay
 * the marker answers (the keys may have changed since), and the reason is only for the failure's message.
 */
function startRefusal(headers: Record<string, Payload>, args: unknown[]): string | null {
  const info = workflowInfo();
  const why = () =>
    checkStartProof(
      keys,
      stringOf(headers[START_PROOF_HEADER]),
      { workflowId: info.workflowId, workflowType: info.workflowType, args },
      info.startTime.getTime(),
    );
  if (info.unsafe.isReplaying) {
    if (patched(SIGNED_START_PATCH)) return null;
    if (patched(REFUSED_START_PATCH)) return why() ?? 'The start of this run was refused when it ran';
    return null; // recorded before the check, or a run continued as new
  }
  if (continuedByItself(info)) return null;
  const refused = why();
  patched(refused ? REFUSED_START_PATCH : SIGNED_START_PATCH);
  return refused;
}

/** Fails the run before it acts, taking back what its starter put in visibility (search attributes, memo). */
function refuse(why: string): never {
  const info = workflowInfo();
  const cleared: SearchAttributeUpdatePair[] = info.typedSearchAttributes
    .getAll()
    .filter((p) => p.key.name !== SA.status.name)
    .map((p) => ({ key: p.key, value: null }) as SearchAttributeUpdatePair);
  upsertSearchAttributes([...cleared, { key: SA.status, value: UNAUTHENTICATED_STATUS }]);
  const memoKeys = Object.keys(info.memo ?? {});
  if (memoKeys.length) upsertMemo(Object.fromEntries(memoKeys.map((k) => [k, undefined])));
  throw ApplicationFailure.create({ type: UNAUTHENTICATED_START, message: why, nonRetryable: true });
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      async execute(input, next) {
        if (SIGNED_STARTS.has(workflowInfo().workflowType)) {
          const why = startRefusal(input.headers, input.args);
          if (why) refuse(why);
        }
        return next(input);
      },
      validateUpdate(input, next) {
        const why = checkUpdateProof(
          keys,
          stringOf(input.headers[UPDATE_PROOF_HEADER]),
          { workflowId: workflowInfo().workflowId, updateName: input.name, args: input.args },
          Date.now(),
        );
        if (why)
          throw ApplicationFailure.create({
            type: 'UNAUTHENTICATED_UPDATE',
            message: why,
            nonRetryable: true,
          });
        next(input);
      },
    },
  ],
});
