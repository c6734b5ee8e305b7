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
 */
import { defaultPayloadConverter, ApplicationFailure } from '@temporalio/common';
import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import {
  UPDATE_PROOF_HEADER,
  checkUpdateProof,
  type UpdateKeyRing,
} from '../libs/contracts/src/update-proof';

/** Replaced at bundle time by the worker (webpack DefinePlugin) with its update keys: never in history. */
declare const __ACCORD_UPDATE_KEYS__: UpdateKeyRing | undefined;

const keys: UpdateKeyRing = typeof __ACCORD_UPDATE_KEYS__ === 'undefined' ? {} : __ACCORD_UPDATE_KEYS__;

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [
    {
      validateUpdate(input, next) {
        const header = input.headers[UPDATE_PROOF_HEADER];
        let proof: unknown;
        try {
          proof = header ? defaultPayloadConverter.fromPayload(header) : undefined;
        } catch {
          proof = undefined;
        }
        const why = checkUpdateProof(
          keys,
          proof,
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
