/**
 * Signs every start and every Update an Accord Temporal client sends (libs/contracts/src/update-proof.ts):
 * the worker accepts an Update only with a valid proof, and a process whose start carries none fails at
 * once without acting, so a client that reaches Temporal's frontend without the update key can neither act
 * on a process as anyone nor start one. The proofs travel in headers, so workflow inputs, Update arguments,
 * histories and the workflow code stay as they were.
 */
import type { ClientInterceptors, WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { loadUpdateKeys, type UpdateKeys } from '../../config/src/accord-config';
import {
  START_PROOF_HEADER,
  UPDATE_PROOF_HEADER,
  proveStart,
  proveUpdate,
} from '../../contracts/src/update-proof';
import { activeTracing } from '../../telemetry/src/tracing';

/** The one signing helper: the API, the worker's client, benchmarks and tests all start through it. */
export function signingInterceptor(keys: UpdateKeys): WorkflowClientInterceptor {
  const key = keys.keys[keys.current]!;
  const updateProof = (workflowId: string, updateName: string, args: unknown[]): Payload =>
    defaultPayloadConverter.toPayload(
      proveUpdate(keys.current, key, { workflowId, updateName, args }, Date.now()),
    );
  const startProof = (workflowId: string, workflowType: string, args: unknown[]): Payload =>
    defaultPayloadConverter.toPayload(
      proveStart(keys.current, key, { workflowId, workflowType, args }, Date.now()),
    );
  return {
    async startWithDetails(input, next) {
      const { workflowId, args } = input.options;
      const header = startProof(workflowId, input.workflowType, args);
      return next({ ...input, headers: { ...input.headers, [START_PROOF_HEADER]: header } });
    },
    async signalWithStart(input, next) {
      const { workflowId, args } = input.options;
      const header = startProof(workflowId, input.workflowType, args);
      return next({ ...input, headers: { ...input.headers, [START_PROOF_HEADER]: header } });
    },
    async startUpdate(input, next) {
      const header = updateProof(input.workflowExecution.workflowId, input.updateName, input.args);
      return next({ ...input, headers: { ...input.headers, [UPDATE_PROOF_HEADER]: header } });
    },
    async startUpdateWithStart(input, next) {
      const { workflowId, args } = input.workflowStartOptions;
      return next({
        ...input,
        workflowStartHeaders: {
          ...input.workflowStartHeaders,
          [START_PROOF_HEADER]: startProof(workflowId, input.workflowType, args),
        },
        updateHeaders: {
          ...input.updateHeaders,
          [UPDATE_PROOF_HEADER]: updateProof(workflowId, input.updateName, input.updateArgs),
        },
      });
    },
  };
}

/** The client interceptors every Accord Temporal client uses (the API's, the worker's, tools and tests). */
export function accordClientInterceptors(env: NodeJS.ProcessEnv = process.env): ClientInterceptors {
  // With tracing on (libs/telemetry), starts and Updates carry the caller's trace to the workflow.
  const tracing = activeTracing() ? [new OpenTelemetryWorkflowClientInterceptor()] : [];
  return { workflow: [...tracing, signingInterceptor(loadUpdateKeys(env))] };
}
