/**
 * Reads a process's timeline a page at a time. The workflow does not carry earlier entries across
 * continue-as-new: each run keeps its own and the latest run lists the earlier runs with their counts, so
 * a page of old entries is read (a Query) from the run that holds it. A page never spans two runs.
 */
import type { Client } from '@temporalio/client';
import { timelinePageQuery } from '../../contracts/src/messages';
import type { TimelineEntry } from '../../contracts/src/process-view';

export interface TimelineSlice {
  entries: TimelineEntry[];
  /** Index of the entry after this page, or null on the last page. */
  next: number | null;
}

export async function readTimelinePage(
  client: Client,
  workflowId: string,
  from: number,
  limit: number,
): Promise<TimelineSlice> {
  const request = { from, limit };
  const latest = await client.workflow.getHandle(workflowId).query(timelinePageQuery, request);
  let page = latest;
  if (from < latest.runStart) {
    let runStart = 0;
    const run = latest.earlierRuns.find((r) => {
      if (from < runStart + r.entries) return true;
      runStart += r.entries;
      return false;
    })!;
    page = await client.workflow.getHandle(workflowId, run.runId).query(timelinePageQuery, request);
  }
  const after = from + page.entries.length;
  return { entries: page.entries, next: after < latest.total && page.entries.length ? after : null };
}

/** The whole timeline, page by page (tests and tools; the API answers one page per request). */
export async function readWholeTimeline(client: Client, workflowId: string): Promise<TimelineEntry[]> {
  const all: TimelineEntry[] = [];
  for (let from: number | null = 0; from !== null;) {
    const page: TimelineSlice = await readTimelinePage(client, workflowId, from, 500);
    all.push(...page.entries);
    from = page.next;
  }
  return all;
}
