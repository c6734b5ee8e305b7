/**
 * Visibility-query building and paging (raw ListWorkflowExecutions, so the page token reaches the client).
 * Values are checked by the DTOs; quote() still escapes them.
 */
import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import { createHash } from 'node:crypto';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers';
import { temporal } from '@temporalio/proto';
import { PROCESS_WORKFLOW_TYPE } from '../../../../libs/contracts/src/messages';
import { ApiError } from '../common/api-error';

export const quote = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * Every process (latest run), less the runs the worker refused because their start carried no proof of the
 * API (workflows/interceptors.ts: AccordStatus `unauthenticated`): nobody started them through Accord.
 * `IS NULL` keeps a process started without search attributes listed before its first workflow task.
 */
export const PROCESSES =
  `WorkflowType = ${quote(PROCESS_WORKFLOW_TYPE)} AND ExecutionStatus != 'ContinuedAsNew' ` +
  `AND (AccordStatus IS NULL OR AccordStatus != 'unauthenticated')`;

export interface Page {
  items: WorkflowExecutionInfo[];
  nextPageToken: string | null;
}

const LIST_TIMEOUT_MS = 10_000;

const queryTag = (query: string) => createHash('sha256').update(query).digest('base64url').slice(0, 12);

/**
 * Page tokens handed to clients carry the query they belong to, so a token from another query or a forged
 * one is a 400 here instead of a server error in Temporal (which retries UNKNOWN errors for a long time).
 */
export function encodePageToken(query: string, raw: Uint8Array): string {
  return Buffer.from(JSON.stringify({ q: queryTag(query), t: Buffer.from(raw).toString('base64') })).toString(
    'base64url',
  );
}

export function decodePageToken(query: string, token: string): Uint8Array {
  const invalid = () =>
    new ApiError(
      400,
      'pageToken is not a nextPageToken of this listing',
      [{ field: 'pageToken', message: 'invalid' }],
      'INVALID_INPUT',
    );
  let parsed: { q?: unknown; t?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!parsed || parsed.q !== queryTag(query) || typeof parsed.t !== 'string') throw invalid();
  return Buffer.from(parsed.t, 'base64');
}

/** Which memo fields a listing decodes. */
export interface MemoFields {
  fields: readonly string[];
  /** Closed executions' memos are not decoded. */
  runningOnly?: boolean;
}

type RawExecution = temporal.api.workflow.v1.IWorkflowExecutionInfo;

/** The memo cut to the fields asked for (before decoding: the others cost nothing). */
function memoFieldsOf(raw: RawExecution, keep: MemoFields): RawExecution['memo'] {
  const running =
    raw.status === temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  const fields = raw.memo?.fields;
  if (!fields || (keep.runningOnly && !running)) return null;
  const cut: Record<string, temporal.api.common.v1.IPayload> = {};
  for (const f of keep.fields) if (fields[f]) cut[f] = fields[f];
  return { fields: cut };
}

export async function listPage(
  client: Client,
  query: string,
  pageSize: number,
  pageToken?: string,
  /** What page tokens are bound to, when the query holds a clause that moves (e.g. "due before now"). */
  tokenScope = query,
  /**
   * Decode each execution's memo; off by default: a listing that does not show it does not pay for it. With
   * `fields`, only those memo fields are decoded (and with `runningOnly`, only for running executions).
   */
  options: { memo?: boolean | MemoFields } = {},
): Promise<Page> {
  const nextPageToken = pageToken ? decodePageToken(tokenScope, pageToken) : undefined;
  let response;
  try {
    response = await client.connection.withDeadline(Date.now() + LIST_TIMEOUT_MS, () =>
      client.workflowService.listWorkflowExecutions({
        namespace: client.options.namespace,
        query,
        pageSize,
        nextPageToken,
      }),
    );
  } catch (err) {
    // gRPC INVALID_ARGUMENT: a token the server does not recognise.
    if ((err as { code?: number }).code === 3) {
      throw new ApiError(
        400,
        'pageToken is not valid for this query',
        [{ field: 'pageToken', message: 'invalid' }],
        'INVALID_INPUT',
      );
    }
    throw err;
  }
  const converter = client.options.loadedDataConverter;
  const items = await Promise.all(
    (response.executions ?? []).map((raw) => {
      // Our own copy of the answer: the memo is dropped before it is decoded (a protobuf message: not spread).
      if (!options.memo) raw.memo = null;
      else if (options.memo !== true) raw.memo = memoFieldsOf(raw, options.memo);
      return executionInfoFromRaw(raw, converter, raw, client.options.namespace);
    }),
  );
  const token =
    response.nextPageToken && response.nextPageToken.length
      ? encodePageToken(tokenScope, response.nextPageToken)
      : null;
  return { items: items as WorkflowExecutionInfo[], nextPageToken: token };
}
