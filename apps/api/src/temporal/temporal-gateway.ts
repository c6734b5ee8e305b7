/**
 * The API's one way to Temporal for processes: Queries with a deadline (an unanswered Query is a 503 or a
 * skipped row, never a request held for the SDK's default), Updates with their errors mapped to HTTP in one
 * place, and the visibility clauses every listing starts from. Shared by processes, inbox and monitoring
 * (and the base the visibility-based reads build on), so none of them talks to the Client on its own.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Client, QueryDefinition, UpdateDefinition } from '@temporalio/client';
import { PROCESS_WORKFLOW_TYPE } from '../../../../libs/contracts/src/messages';
import { SA } from '../../../../libs/contracts/src/search-attributes';
import { assertProcessId, mapQueryError, mapUpdateError } from '../common/temporal-errors';
import { TEMPORAL_CLIENT } from '../common/tokens';
import { boundedCounts } from './bounded-counts';
import { listPage, PROCESSES, quote, type MemoFields, type Page } from '../processes/visibility';

/** A Query needs a worker; without one, answer after this long rather than hold the request. */
export const QUERY_TIMEOUT_MS = 10_000;

/** The visibility clauses listings start from (values always through `quote`). */
export const clauses = {
  /** Every process execution (not the delegations workflow, digests, …), latest run only. */
  processes: PROCESSES,
  /** Running processes the engine still counts as running. */
  running: `${PROCESSES} AND ExecutionStatus = 'Running' AND ${SA.status.name} = 'running'`,
  workflowType: `WorkflowType = ${quote(PROCESS_WORKFLOW_TYPE)}`,
  quote,
};

@Injectable()
export class TemporalGateway {
  private readonly counts: (query: string) => Promise<number>;

  constructor(@Inject(TEMPORAL_CLIENT) readonly client: Client) {
    this.counts = boundedCounts(client);
  }

  /** A Query of one process, within `timeoutMs`: unknown process → 404, business failures mapped. */
  async query<R>(id: string, def: QueryDefinition<R, []>, timeoutMs = QUERY_TIMEOUT_MS): Promise<R> {
    assertProcessId(id);
    try {
      return await this.client.connection.withDeadline(Date.now() + timeoutMs, () =>
        this.client.workflow.getHandle(id).query(def),
      );
    } catch (err) {
      return mapQueryError(id, err);
    }
  }

  /** A Query for a list of many (inbox, roll-ups): null when it does not answer in time or is gone. */
  async tryQuery<R>(id: string, def: QueryDefinition<R, []>, timeoutMs: number): Promise<R | null> {
    try {
      return await this.client.connection.withDeadline(Date.now() + timeoutMs, () =>
        this.client.workflow.getHandle(id).query(def),
      );
    } catch {
      return null;
    }
  }

  /** An Update of one process: the engine's refusals become their HTTP status; closed or unknown told apart. */
  async update<R, A>(id: string, def: UpdateDefinition<R, [A]>, arg: A, updateId?: string): Promise<R> {
    assertProcessId(id);
    try {
      return await this.client.workflow.getHandle(id).executeUpdate(def, { args: [arg], updateId });
    } catch (err) {
      return mapUpdateError(this.client, id, err);
    }
  }

  /** One page of a visibility query (page tokens bound to their query, or to `tokenScope`), without memos. */
  list(query: string, pageSize: number, pageToken?: string, tokenScope?: string): Promise<Page> {
    return listPage(this.client, query, pageSize, pageToken, tokenScope);
  }

  /**
   * `list` with each process's memo decoded (the view memo: libs/contracts/src/view-memo.ts), or only the
   * fields named in `memo` (e.g. the forecast memo of running processes: libs/contracts/src/forecast-memo.ts).
   */
  listWithMemo(
    query: string,
    pageSize: number,
    pageToken?: string,
    memo: true | MemoFields = true,
  ): Promise<Page> {
    return listPage(this.client, query, pageSize, pageToken, query, { memo });
  }

  /** CountWorkflowExecutions, a bounded number at a time from this process (./bounded-counts.ts). */
  count(query: string): Promise<number> {
    return this.counts(query);
  }
}
