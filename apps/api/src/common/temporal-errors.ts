/**
 * Temporal client errors → HTTP. Business failures raised by Update validators carry an ErrorCode as
 * their ApplicationFailure type; the status comes from libs/contracts (httpStatusOf), in one place.
 */
import {
  ApplicationFailure,
  QueryNotRegisteredError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { PROCESS_ID_PREFIX } from '../../../../libs/contracts/src/task-queue';
import { httpStatusOf, isErrorCode } from '../../../../libs/contracts/src/errors';
import { ApiError, type FieldProblem } from './api-error';

export function applicationFailureOf(err: unknown): ApplicationFailure | undefined {
  let e: unknown = err;
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof ApplicationFailure) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Maps a business failure (ApplicationFailure with an ErrorCode type) to an ApiError, else undefined. */
export function businessError(err: unknown): ApiError | undefined {
  const failure = applicationFailureOf(err);
  if (failure && isErrorCode(failure.type)) {
    // Validators attach field problems (e.g. INVALID_OUTPUTS per output) as the failure's first detail.
    const details = Array.isArray(failure.details?.[0]) ? (failure.details[0] as FieldProblem[]) : undefined;
    return new ApiError(httpStatusOf(failure.type), failure.message || failure.type, details, failure.type);
  }
  return undefined;
}

export const processNotFound = (id: string) =>
  new ApiError(404, `Process "${id}" not found`, undefined, 'PROCESS_NOT_FOUND');

/**
 * The SDK reports an Update to a closed workflow as "not found"; tell closed from unknown by describing it.
 */
export async function notFoundOrClosed(client: Client, id: string): Promise<ApiError> {
  try {
    const d = await client.workflow.getHandle(id).describe();
    if (d.status.name !== 'RUNNING') {
      return new ApiError(409, `Process "${id}" is closed`, undefined, 'PROCESS_CLOSED');
    }
  } catch {
    /* unknown id */
  }
  return processNotFound(id);
}

/** For Updates: business failures, unknown or closed processes. Rethrows anything else. */
export async function mapUpdateError(client: Client, id: string, err: unknown): Promise<never> {
  const business = businessError(err);
  if (business) throw business;
  if (err instanceof WorkflowNotFoundError) throw await notFoundOrClosed(client, id);
  if (err instanceof WorkflowUpdateFailedError) {
    throw new ApiError(409, err.cause?.message ?? err.message, undefined, 'CONFLICT');
  }
  throw err;
}

/** Only process workflows are reachable through /processes (not the delegations workflow, digests, ...). */
export function assertProcessId(id: string): void {
  if (!id.startsWith(PROCESS_ID_PREFIX)) throw processNotFound(id);
}

/** For Queries: unknown processes (or workflows that are not processes) → 404. */
export function mapQueryError(id: string, err: unknown): never {
  if (err instanceof WorkflowNotFoundError || err instanceof QueryNotRegisteredError)
    throw processNotFound(id);
  const business = businessError(err);
  if (business) throw business;
  throw err;
}
