/**
 * Visibility counts in flight from one API process, bounded. The summary alone asks for about thirty at
 * once; a cluster's visibility store has a small connection pool (10 by default) and a per-namespace rate,
 * and a burst past them comes back UNAVAILABLE or RESOURCE_EXHAUSTED and is retried with backoff: slower
 * than waiting for a turn. (Kept free of Nest so it is unit-tested on its own.)
 */
import type { Client } from '@temporalio/client';
import pLimit from 'p-limit';

export const COUNT_CONCURRENCY = 8;

/** CountWorkflowExecutions through `client`, at most `limit` at a time. */
export function boundedCounts(
  client: Pick<Client, 'workflow'>,
  limit = COUNT_CONCURRENCY,
): (query: string) => Promise<number> {
  const turn = pLimit(limit);
  return async (query) => (await turn(() => client.workflow.count(query))).count;
}
