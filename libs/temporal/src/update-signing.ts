/**
 * Signs every Update an Accord Temporal client sends (libs/contracts/src/update-proof.ts): the worker
 * accepts an Update only with a valid proof, so a client that reaches Temporal's frontend without the
 * update key cannot act on a process as anyone. The proof travels in the Update's header, so Update
 * arguments, histories and the workflow code stay as they were.
 */
import type { ClientInterceptors, WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { loadUpdateKeys, type UpdateKeys } from '../../config/src/accord-config';
import { UPDATE_PROOF_HEADER, proveUpdate } from '../../contracts/src/update-proof';
import { activeTracing } from '../../telemetry/src/tracing';

export function updateSigningInterceptor(keys: UpdateKeys): WorkflowClientInterceptor {
  const key = keys.keys[keys.current]!;
  const proof = (workflowId: string, updateName: string, args: unknown[]) =>
    defaultPayloadConverter.toPayload(
      proveUpdate(keys.current, key, { workflowId, updateName, args }, Date.now()),
    );
  return {
    async startUpdate(input, next) {
      const header = proof(input.workflowExecution.workflowId, input.updateName, input.args);
      return next({ ...input, headers: { ...input.headers, [UPDATE_PROOF_HEADER]: header } });
    },
    async startUpdateWithStart(input, next) {
      const header = proof(input.workflowStartOptions.workflowId, input.updateName, input.updateArgs);
      return next({ ...input, updateHeaders: { ...input.updateHeaders, [UPDATE_PROOF_HEADER]: header } });
    },
  };
}

/** The client interceptors every Accord Temporal client uses (the API's, the worker's, tools and tests). */
export function accordClientInterceptors(env: NodeJS.ProcessEnv = process.env): ClientInterceptors {
  // With tracing on (libs/telemetry), starts and Updates carry the caller's trace to the workflow.
  const tracing = activeTracing() ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
  return { workflow: [...tracing, updateSigningInterceptor(loadUpdateKeys(env))] };
}
